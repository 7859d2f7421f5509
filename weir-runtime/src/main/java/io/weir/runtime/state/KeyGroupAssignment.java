package io.weir.runtime.state;

import io.weir.api.types.KeyHashes;

/**
 * Maps keys to key groups and key groups to subtasks. {@code maxParallelism} key groups are
 * split into contiguous ranges, one per subtask, so rescaling reassigns whole ranges.
 */
public final class KeyGroupAssignment {
    private KeyGroupAssignment() {}

    /** The key group of a key: a murmur hash of its stable hash code, modulo the number of key groups. */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        return computeKeyGroupForKeyHash(KeyHashes.stableHashCode(key), maxParallelism);
    }

    /**
     * The key group of a key's stable hash code. When {@code maxParallelism} is a power of two (the
     * default, 128) the modulo is a mask, the same number without an integer division.
     */
    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        int hash = murmurHash(keyHash);
        return (maxParallelism & (maxParallelism - 1)) == 0 ? hash & (maxParallelism - 1) : hash % maxParallelism;
    }

    /** The subtask that owns a key group. */
    public static int operatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** The key groups subtask {@code index} of {@code parallelism} owns. */
    public static KeyGroupRange rangeForOperator(int maxParallelism, int parallelism, int index) {
        int start = (int) (((long) index * maxParallelism + parallelism - 1) / parallelism);
        int end = (int) (((long) (index + 1) * maxParallelism + parallelism - 1) / parallelism) - 1;
        return new KeyGroupRange(start, end);
    }

    /** MurmurHash3 (32 bit) of a single int with seed 0, made non-negative. */
    static int murmurHash(int code) {
        int k = code * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        int h = Integer.rotateLeft(k, 13);
        h = h * 5 + 0xe6546b64;
        h ^= 4;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        if (h >= 0) {
            return h;
        }
        return h != Integer.MIN_VALUE ? -h : 0;
    }
}
