package io.weir.runtime.sort;

import java.io.IOException;

/**
 * A cursor over sorted entries: {@link #next()} moves to the next one, whose parts the accessors
 * then give as regions of arrays owned by the cursor, valid until the next call of
 * {@link #next()}.
 *
 * <p>Threading: one thread.
 */
public interface SortedEntries {
    /** Moves to the next entry; false when there is none. */
    boolean next() throws IOException;

    byte[] keyBytes();

    int keyOffset();

    int keyLength();

    long timestamp();

    byte[] payloadBytes();

    int payloadOffset();

    int payloadLength();

    /** Whether the current entry's key is the given bytes. */
    default boolean sameKey(byte[] key, int offset, int length) {
        return java.util.Arrays.equals(keyBytes(), keyOffset(), keyOffset() + keyLength(), key, offset, offset + length);
    }
}
