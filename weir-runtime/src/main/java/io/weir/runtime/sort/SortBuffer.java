package io.weir.runtime.sort;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The in-memory part of an {@link ExternalSorter}: entries appended to one byte array (grown by
 * doubling up to the budget) and an index of where each starts, which {@link #sort()} orders with
 * a stable merge sort. Entry layout: key length (int), key, timestamp (long), payload length
 * (int), payload. An entry costs its bytes plus 8 bytes of index (the index and the merge sort's
 * scratch array).
 *
 * <p>Threading: one thread.
 */
final class SortBuffer {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int FIRST_CAPACITY = 64 * 1024;
    private static final int INDEX_BYTES_PER_ENTRY = 8;
    private static final int HEADER_BYTES = 4 + 8 + 4;
    private static final int INSERTION_SORT_RUN = 16;

    private final long budget;
    private byte[] arena = new byte[0];
    private int used;
    private int[] starts = new int[0];
    private int count;

    SortBuffer(long budget) {
        this.budget = Math.min(budget, Integer.MAX_VALUE - 16);
    }

    int count() {
        return count;
    }

    /** Appends the entry if it fits in the budget; says whether it did. */
    boolean tryAdd(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] payload, int payloadOffset,
            int payloadLength) {
        long need = (long) HEADER_BYTES + keyLength + payloadLength;
        if (used + need + (long) (count + 1) * INDEX_BYTES_PER_ENTRY > budget) {
            return false;
        }
        append(key, keyOffset, keyLength, timestamp, payload, payloadOffset, payloadLength, need);
        return true;
    }

    /** Appends an entry larger than the whole budget; only into an empty buffer, which then holds only it. */
    void addOversized(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] payload, int payloadOffset,
            int payloadLength) {
        if (count != 0) {
            throw new IllegalStateException("An oversized entry goes into an empty buffer only");
        }
        append(key, keyOffset, keyLength, timestamp, payload, payloadOffset, payloadLength,
                (long) HEADER_BYTES + keyLength + payloadLength);
    }

    private void append(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] payload, int payloadOffset,
            int payloadLength, long need) {
        ensureArena(used + need);
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, Math.max(1024, count * 2));
        }
        starts[count++] = used;
        int at = used;
        putInt(arena, at, keyLength);
        System.arraycopy(key, keyOffset, arena, at + 4, keyLength);
        at += 4 + keyLength;
        putLong(arena, at, timestamp);
        putInt(arena, at + 8, payloadLength);
        System.arraycopy(payload, payloadOffset, arena, at + 12, payloadLength);
        used = at + 12 + payloadLength;
    }

    private void ensureArena(long size) {
        if (size <= arena.length) {
            return;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("A sort entry of " + size + " bytes is too large");
        }
        long grown = Math.max(FIRST_CAPACITY, (long) arena.length * 2);
        grown = Math.max(size, Math.min(grown, budget));
        arena = Arrays.copyOf(arena, (int) grown);
    }

    /** Orders the index by key, then timestamp; entries that compare equal keep their order. */
    void sort() {
        int[] scratch = new int[count];
        for (int from = 0; from < count; from += INSERTION_SORT_RUN) {
            insertionSort(from, Math.min(count, from + INSERTION_SORT_RUN));
        }
        int[] source = starts;
        int[] target = scratch;
        for (int width = INSERTION_SORT_RUN; width < count; width *= 2) {
            for (int left = 0; left < count; left += 2 * width) {
                int middle = Math.min(count, left + width);
                int right = Math.min(count, left + 2 * width);
                merge(source, target, left, middle, right);
            }
            int[] swap = source;
            source = target;
            target = swap;
        }
        if (source != starts) {
            System.arraycopy(source, 0, starts, 0, count);
        }
    }

    private void insertionSort(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int entry = starts[i];
            int j = i - 1;
            while (j >= from && compare(starts[j], entry) > 0) {
                starts[j + 1] = starts[j];
                j--;
            }
            starts[j + 1] = entry;
        }
    }

    private void merge(int[] source, int[] target, int left, int middle, int right) {
        int i = left;
        int j = middle;
        int out = left;
        while (i < middle && j < right) {
            // "<= 0" takes the left one on ties: that keeps the sort stable
            target[out++] = compare(source[i], source[j]) <= 0 ? source[i++] : source[j++];
        }
        while (i < middle) {
            target[out++] = source[i++];
        }
        while (j < right) {
            target[out++] = source[j++];
        }
    }

    private int compare(int a, int b) {
        int keyA = getInt(arena, a);
        int keyB = getInt(arena, b);
        return EntryOrder.compare(arena, a + 4, keyA, getLong(arena, a + 4 + keyA),
                arena, b + 4, keyB, getLong(arena, b + 4 + keyB));
    }

    /** A cursor over the entries in index order (sorted once {@link #sort()} ran). */
    SortedEntries entries() {
        return new SortedEntries() {
            private int next;
            private int keyLength;
            private int start;

            @Override
            public boolean next() {
                if (next >= count) {
                    return false;
                }
                start = starts[next++];
                keyLength = getInt(arena, start);
                return true;
            }

            @Override
            public byte[] keyBytes() {
                return arena;
            }

            @Override
            public int keyOffset() {
                return start + 4;
            }

            @Override
            public int keyLength() {
                return keyLength;
            }

            @Override
            public long timestamp() {
                return getLong(arena, start + 4 + keyLength);
            }

            @Override
            public byte[] payloadBytes() {
                return arena;
            }

            @Override
            public int payloadOffset() {
                return start + 4 + keyLength + 12;
            }

            @Override
            public int payloadLength() {
                return getInt(arena, start + 4 + keyLength + 8);
            }
        };
    }

    /** Empties the buffer, keeping its arrays for the next run. */
    void clear() {
        used = 0;
        count = 0;
    }

    /** Empties the buffer and drops its arrays. */
    void release() {
        clear();
        arena = new byte[0];
        starts = new int[0];
    }

    static int getInt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    static long getLong(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    static void putInt(byte[] b, int at, int v) {
        INT.set(b, at, v);
    }

    static void putLong(byte[] b, int at, long v) {
        LONG.set(b, at, v);
    }
}
