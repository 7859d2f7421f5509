package io.weir.runtime.sort;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The in-memory part of an {@link ExternalSorter}: entries appended to one byte array (grown by
 * doubling up to the budget) and an index of where each starts, which {@link #sort()} orders with
 * a stable merge sort. Entry layout: key length (int), key, timestamp (long), payload length
 * (int), payload.
 *
 * <p>The index keeps, beside each entry's offset, a prefix of its key (the key length and the
 * first four key bytes, which order entries as their keys do until two prefixes are equal) and its
 * timestamp, so that most comparisons read only the index: a key of at most four bytes (an int, a
 * short, a small string) is decided by its prefix, and then the timestamp, without touching the
 * arena. An entry costs its bytes plus 40 bytes of index (offset, prefix and timestamp, and the
 * merge sort's scratch copies of the three).
 *
 * <p>Threading: one thread.
 */
final class SortBuffer {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int FIRST_CAPACITY = 64 * 1024;
    private static final int INDEX_BYTES_PER_ENTRY = 2 * (4 + 8 + 8);
    private static final int PREFIX_BYTES = 4;
    private static final int HEADER_BYTES = 4 + 8 + 4;
    private static final int INSERTION_SORT_RUN = 16;

    private final long budget;
    private byte[] arena = new byte[0];
    private int used;
    private int[] starts = new int[0];
    private long[] prefixes = new long[0];
    private long[] timestamps = new long[0];
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
            int capacity = Math.max(1024, count * 2);
            starts = Arrays.copyOf(starts, capacity);
            prefixes = Arrays.copyOf(prefixes, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
        }
        starts[count] = used;
        prefixes[count] = prefix(key, keyOffset, keyLength);
        timestamps[count] = timestamp;
        count++;
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

    /**
     * The key's length in the high half and its first {@value #PREFIX_BYTES} bytes (unsigned, big-endian,
     * zero-padded) in the low half: as signed longs, prefixes order like {@link EntryOrder} orders
     * keys, and equal prefixes of keys of at most {@value #PREFIX_BYTES} bytes mean equal keys.
     */
    private static long prefix(byte[] key, int offset, int length) {
        long bytes = 0;
        for (int i = 0; i < PREFIX_BYTES; i++) {
            bytes = (bytes << 8) | (i < length ? key[offset + i] & 0xffL : 0);
        }
        return ((long) length << 32) | bytes;
    }

    /** Orders the index by key, then timestamp; entries that compare equal keep their order. */
    void sort() {
        for (int from = 0; from < count; from += INSERTION_SORT_RUN) {
            insertionSort(from, Math.min(count, from + INSERTION_SORT_RUN));
        }
        Index source = new Index(starts, prefixes, timestamps);
        Index target = new Index(new int[count], new long[count], new long[count]);
        for (int width = INSERTION_SORT_RUN; width < count; width *= 2) {
            for (int left = 0; left < count; left += 2 * width) {
                int middle = Math.min(count, left + width);
                int right = Math.min(count, left + 2 * width);
                merge(source, target, left, middle, right);
            }
            Index swap = source;
            source = target;
            target = swap;
        }
        if (source.starts != starts) {
            System.arraycopy(source.starts, 0, starts, 0, count);
            System.arraycopy(source.prefixes, 0, prefixes, 0, count);
            System.arraycopy(source.timestamps, 0, timestamps, 0, count);
        }
    }

    /** The three parallel arrays of the index, which the merge sort moves together. */
    private record Index(int[] starts, long[] prefixes, long[] timestamps) {
        void copy(int from, Index to, int at) {
            to.starts[at] = starts[from];
            to.prefixes[at] = prefixes[from];
            to.timestamps[at] = timestamps[from];
        }
    }

    private void insertionSort(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int start = starts[i];
            long prefix = prefixes[i];
            long timestamp = timestamps[i];
            int j = i - 1;
            while (j >= from && compare(starts[j], prefixes[j], timestamps[j], start, prefix, timestamp) > 0) {
                starts[j + 1] = starts[j];
                prefixes[j + 1] = prefixes[j];
                timestamps[j + 1] = timestamps[j];
                j--;
            }
            starts[j + 1] = start;
            prefixes[j + 1] = prefix;
            timestamps[j + 1] = timestamp;
        }
    }

    private void merge(Index source, Index target, int left, int middle, int right) {
        int i = left;
        int j = middle;
        int out = left;
        int[] s = source.starts;
        long[] p = source.prefixes;
        long[] t = source.timestamps;
        while (i < middle && j < right) {
            // "<= 0" takes the left one on ties: that keeps the sort stable
            if (compare(s[i], p[i], t[i], s[j], p[j], t[j]) <= 0) {
                source.copy(i++, target, out++);
            } else {
                source.copy(j++, target, out++);
            }
        }
        while (i < middle) {
            source.copy(i++, target, out++);
        }
        while (j < right) {
            source.copy(j++, target, out++);
        }
    }

    /** {@link EntryOrder} of two entries, from their index fields where those decide it. */
    private int compare(int a, long prefixA, long timestampA, int b, long prefixB, long timestampB) {
        if (prefixA != prefixB) {
            return Long.compare(prefixA, prefixB);
        }
        if ((int) (prefixA >>> 32) <= PREFIX_BYTES) {
            return Long.compare(timestampA, timestampB);
        }
        int keyA = getInt(arena, a);
        int keyB = getInt(arena, b);
        return EntryOrder.compare(arena, a + 4, keyA, timestampA, arena, b + 4, keyB, timestampB);
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
        prefixes = new long[0];
        timestamps = new long[0];
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
