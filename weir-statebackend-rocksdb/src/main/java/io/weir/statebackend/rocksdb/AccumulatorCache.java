package io.weir.statebackend.rocksdb;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Collection;
import java.util.Map;

/**
 * The deserialized values of one reducing or aggregating state for the RocksDB keys used last, so
 * that adding to a window's accumulator again and again costs neither a RocksDB read and write
 * through JNI nor serialization: a value is read from RocksDB once, changed on the heap, and written
 * back (the dirty {@link #entries}) when the state's owner flushes the cache: before every snapshot,
 * before anything reads the column family directly, and when the cache is full (then it is emptied).
 *
 * <p>Entries are found by the bytes of their RocksDB key, so a key object changed after use (object
 * reuse) cannot reach a wrong entry. A cached value is {@code null} when RocksDB has none.
 *
 * <p>Threading: the task's thread only.
 */
final class AccumulatorCache<V> {
    private final int capacity;
    private final Map<Key, Entry<V>> entries;
    /** Looks entries up by the key builder's shared buffer, without a copy. */
    private final Key probe = new Key(null, 0, 0);
    /** Changes whenever entries are dropped, so a caller holding an entry can tell it may be gone. */
    private int generation;

    AccumulatorCache(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("An accumulator cache needs room for one entry at least, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new HashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1);
    }

    /** The entry of the RocksDB key in {@code bytes[0, length)}, or {@code null} when it is not cached. */
    Entry<V> find(byte[] bytes, int length) {
        probe.set(bytes, length, Key.hash(bytes, length));
        Entry<V> entry = entries.get(probe);
        probe.set(null, 0, 0);
        return entry;
    }

    /**
     * Caches {@code value} (clean: as RocksDB holds it) under a copy of the key in
     * {@code bytes[0, length)}; the caller must have flushed the dirty entries when {@link #isFull}.
     */
    Entry<V> insert(byte[] bytes, int length, V value) {
        if (isFull()) {
            throw new IllegalStateException("The accumulator cache is full: flush and clear it first");
        }
        byte[] copy = Arrays.copyOf(bytes, length);
        Entry<V> entry = new Entry<>(copy, value);
        entries.put(new Key(copy, length, Key.hash(copy, length)), entry);
        return entry;
    }

    /** Drops the entry of the RocksDB key in {@code bytes[0, length)}; returns it, or {@code null}. */
    Entry<V> remove(byte[] bytes, int length) {
        probe.set(bytes, length, Key.hash(bytes, length));
        Entry<V> entry = entries.remove(probe);
        probe.set(null, 0, 0);
        if (entry != null) {
            generation++;
        }
        return entry;
    }

    boolean isFull() {
        return entries.size() >= capacity;
    }

    int size() {
        return entries.size();
    }

    int generation() {
        return generation;
    }

    /** Every entry; the dirty ones changed since they were last written to RocksDB. */
    Collection<Entry<V>> entries() {
        return entries.values();
    }

    boolean hasDirtyEntries() {
        for (Entry<V> entry : entries.values()) {
            if (entry.dirty) {
                return true;
            }
        }
        return false;
    }

    /** Drops every entry (the dirty ones must have been written first, unless the state is discarded). */
    void clear() {
        if (!entries.isEmpty()) {
            entries.clear();
            generation++;
        }
    }

    /** One cached value and whether RocksDB still holds an older one. */
    static final class Entry<V> {
        final byte[] key;
        V value;
        boolean dirty;

        Entry(byte[] key, V value) {
            this.key = key;
            this.value = value;
        }

        void update(V newValue) {
            value = newValue;
            dirty = true;
        }

        void clean() {
            dirty = false;
        }
    }

    /** A RocksDB key as a map key: a byte range compared by content. */
    private static final class Key {
        private byte[] bytes;
        private int length;
        private int hash;

        Key(byte[] bytes, int length, int hash) {
            set(bytes, length, hash);
        }

        void set(byte[] bytes, int length, int hash) {
            this.bytes = bytes;
            this.length = length;
            this.hash = hash;
        }

        static int hash(byte[] bytes, int length) {
            int h = 1;
            for (int i = 0; i < length; i++) {
                h = 31 * h + bytes[i];
            }
            return h ^ (h >>> 16);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash
                    && Arrays.equals(bytes, 0, length, key.bytes, 0, key.length);
        }
    }
}
