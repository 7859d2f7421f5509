package io.weir.statebackend.rocksdb;

import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.state.InternalKvState;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Base of the RocksDB states: one column family, values of the backend's current key in the
 * current namespace, read and written through the state's {@link StoredValueCodec}.
 *
 * <p>Threading: the task's thread only.
 */
abstract class RocksDBState<K, N, V> implements InternalKvState<N> {
    protected final RocksDBKeyedStateBackend<K> backend;
    protected final ColumnFamilyHandle column;
    protected final StoredValueCodec<V> codec;
    private final String name;
    private TypeSerializer<N> namespaceSerializer;
    @SuppressWarnings("unchecked")
    private N namespace = (N) VoidNamespace.INSTANCE;
    protected final DataOutputSerializer valueOut = new DataOutputSerializer(64);
    protected final DataInputDeserializer valueIn = new DataInputDeserializer();
    /** Where {@link #getCurrent} reads values into, grown as needed. */
    private byte[] readBuffer = new byte[64];
    /** The values of the keys used last, for states that {@link #useCache}; {@code null} otherwise. */
    private AccumulatorCache<V> cache;

    @SuppressWarnings("unchecked")
    RocksDBState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column, StoredValueCodec<V> codec) {
        this.backend = backend;
        this.name = name;
        this.column = column;
        this.codec = codec;
        this.namespaceSerializer = (TypeSerializer<N>) VoidNamespaceSerializer.INSTANCE;
    }

    String name() {
        return name;
    }

    /** Map state stores one RocksDB entry per map entry; the others one per key and namespace. */
    boolean isMap() {
        return false;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    /** Sets how namespaces are written; plain keyed state keeps {@link VoidNamespaceSerializer}. */
    @SuppressWarnings("unchecked")
    void useNamespaceSerializer(TypeSerializer<?> serializer) {
        if (serializer != null && !(serializer instanceof VoidNamespaceSerializer)) {
            namespaceSerializer = (TypeSerializer<N>) serializer;
        }
    }

    TypeSerializer<N> namespaceSerializer() {
        return namespaceSerializer;
    }

    protected final byte[] currentKey() {
        return currentKey(namespace);
    }

    protected final byte[] currentKey(N ns) {
        if (!(ns instanceof VoidNamespace) && namespaceSerializer instanceof VoidNamespaceSerializer) {
            throw new IllegalStateException("Keyed state '" + name + "' is used in namespace " + ns + " but was "
                    + "registered without a namespace serializer: get it with getPartitionedState(namespace, "
                    + "namespaceSerializer, descriptor).");
        }
        return backend.keyBuilder().build(ns, namespaceSerializer);
    }

    /**
     * Writes the RocksDB key of the current key and namespace into the key builder's shared buffer
     * (no copy) for {@link #getCurrent} and {@link #putCurrent}; returns its length.
     */
    protected final int writeCurrentKey() {
        if (!(namespace instanceof VoidNamespace) && namespaceSerializer instanceof VoidNamespaceSerializer) {
            currentKey(namespace); // throws, saying why
        }
        return backend.keyBuilder().buildShared(namespace, namespaceSerializer);
    }

    /**
     * The value under the key {@link #writeCurrentKey} wrote ({@code keyLength} bytes), or
     * {@code null}: read into a reused buffer, with no array allocated per access.
     */
    protected final V getCurrent(int keyLength) {
        byte[] key = backend.keyBuilder().sharedBuffer();
        try {
            int size = backend.database().db().get(column, key, 0, keyLength, readBuffer, 0, readBuffer.length);
            if (size == RocksDB.NOT_FOUND) {
                return null;
            }
            if (size > readBuffer.length) { // only the first readBuffer.length bytes were copied: read it again
                readBuffer = new byte[Math.max(size, 2 * readBuffer.length)];
                size = backend.database().db().get(column, key, 0, keyLength, readBuffer, 0, readBuffer.length);
            }
            valueIn.setBuffer(readBuffer, 0, size);
            return codec.read(valueIn);
        } catch (RocksDBException e) {
            throw failure("read", e);
        } catch (IOException e) {
            throw new UncheckedIOException("State '" + name + "' holds an unreadable value: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code value} under the key {@link #writeCurrentKey} wrote, from the serializer's buffer;
     * {@code builds} is the key builder's {@link CompositeKeyBuilder#builds()} right after that write:
     * if another key was built since (by code run in between), the current key is written again.
     */
    protected final void putCurrent(int keyLength, int builds, V value) {
        CompositeKeyBuilder<K> keys = backend.keyBuilder();
        if (keys.builds() != builds) {
            keyLength = writeCurrentKey();
        }
        try {
            valueOut.clear();
            codec.write(value, valueOut);
        } catch (IOException e) {
            throw new UncheckedIOException("A value of state '" + name + "' cannot be serialized: " + e.getMessage(), e);
        }
        try {
            backend.database().db().put(column, backend.database().writeOptions(), keys.sharedBuffer(), 0, keyLength,
                    valueOut.getSharedBuffer(), 0, valueOut.length());
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    /**
     * Keeps up to {@code capacity} values of this state deserialized on the heap ({@link
     * AccumulatorCache}); 0 keeps none. For reducing and aggregating states without TTL.
     */
    void useCache(int capacity) {
        cache = capacity > 0 ? new AccumulatorCache<>(capacity) : null;
    }

    protected final boolean cached() {
        return cache != null;
    }

    /** The cache's generation: while it is unchanged, an entry of {@link #cachedEntry} is still cached. */
    protected final int cacheGeneration() {
        return cache.generation();
    }

    /**
     * The cache entry of the current key and namespace, its value read from RocksDB on a miss
     * (a full cache is written back and emptied first). Valid while {@link #cacheGeneration} does not change.
     */
    protected final AccumulatorCache.Entry<V> cachedEntry() {
        int keyLength = writeCurrentKey();
        AccumulatorCache.Entry<V> entry = cache.find(backend.keyBuilder().sharedBuffer(), keyLength);
        if (entry == null) {
            if (cache.isFull()) {
                flushCache();
                cache.clear();
            }
            V stored = getCurrent(keyLength);
            entry = cache.insert(backend.keyBuilder().sharedBuffer(), keyLength, stored);
        }
        return entry;
    }

    /**
     * A value the cache may keep: {@code result} itself, unless it is {@code input}, an object the
     * caller handed in and may change or reuse after the call (object reuse), which is copied.
     */
    protected final V owned(V result, Object input) {
        return result == input && result != null ? copy(result) : result;
    }

    /** A copy of a cached value, for callers that may change what they get (as with a value read from RocksDB). */
    @SuppressWarnings("unchecked")
    protected final V copy(V value) {
        return value == null ? null : (V) codec.serializer().copy(value);
    }

    /** Writes the cache's changed values to RocksDB in one batch (the cache keeps them, now clean). */
    final void flushCache() {
        if (cache == null || !cache.hasDirtyEntries()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (AccumulatorCache.Entry<V> entry : cache.entries()) {
                if (entry.dirty) {
                    if (entry.value == null) {
                        batch.delete(column, entry.key);
                    } else {
                        batch.put(column, entry.key, encode(entry.value));
                    }
                }
            }
            backend.database().write(batch);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
        for (AccumulatorCache.Entry<V> entry : cache.entries()) {
            entry.clean();
        }
    }

    /** Writes the cached value of {@code ns} under the current key to RocksDB if it changed, and drops it from the cache. */
    protected final void evictFromCache(N ns) {
        if (cache == null) {
            return;
        }
        byte[] key = currentKey(ns);
        AccumulatorCache.Entry<V> entry = cache.remove(key, key.length);
        if (entry != null && entry.dirty) {
            if (entry.value == null) {
                delete(key);
            } else {
                putBytes(key, encode(entry.value));
            }
        }
    }

    /** Drops the cached value of the current key and namespace, if any (before it is deleted from RocksDB). */
    private void dropCachedCurrent() {
        if (cache != null) {
            int keyLength = writeCurrentKey();
            cache.remove(backend.keyBuilder().sharedBuffer(), keyLength);
        }
    }

    /** Forgets the cache without writing it (the database is discarded). */
    final void discardCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    protected final N currentNamespace() {
        return namespace;
    }

    protected final V getValue(byte[] key) {
        byte[] bytes = getBytes(key);
        return bytes == null ? null : decode(bytes);
    }

    protected final byte[] getBytes(byte[] key) {
        try {
            return backend.database().db().get(column, key);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    protected final V decode(byte[] bytes) {
        try {
            valueIn.setBuffer(bytes);
            return codec.read(valueIn);
        } catch (IOException e) {
            throw new UncheckedIOException("State '" + name + "' holds an unreadable value: " + e.getMessage(), e);
        }
    }

    protected final byte[] encode(V value) {
        try {
            valueOut.clear();
            codec.write(value, valueOut);
            return valueOut.getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("A value of state '" + name + "' cannot be serialized: " + e.getMessage(), e);
        }
    }

    protected final void putBytes(byte[] key, byte[] value) {
        try {
            backend.database().db().put(column, backend.database().writeOptions(), key, value);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    protected final void delete(byte[] key) {
        try {
            backend.database().db().delete(column, backend.database().writeOptions(), key);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    @Override
    public void clear() {
        dropCachedCurrent();
        delete(currentKey());
    }

    protected final RuntimeException failure(String what, RocksDBException e) {
        return new IllegalStateException("RocksDB could not " + what + " state '" + name + "' of operator '"
                + backend.operatorName() + "': " + e.getMessage(), e);
    }
}
