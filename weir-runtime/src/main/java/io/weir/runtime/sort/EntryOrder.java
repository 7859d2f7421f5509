package io.weir.runtime.sort;

import java.util.Arrays;

/**
 * The order of sort entries: by key length, then key bytes (unsigned), then timestamp. Equal keys
 * are equal bytes, so the order puts each key's entries together, in timestamp order.
 */
final class EntryOrder {
    private EntryOrder() {}

    static int compare(byte[] a, int keyA, int lengthA, long timestampA, byte[] b, int keyB, int lengthB,
            long timestampB) {
        if (lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        int c = Arrays.compareUnsigned(a, keyA, keyA + lengthA, b, keyB, keyB + lengthB);
        return c != 0 ? c : Long.compare(timestampA, timestampB);
    }
}
