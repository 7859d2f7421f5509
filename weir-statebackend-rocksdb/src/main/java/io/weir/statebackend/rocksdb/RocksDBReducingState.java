package io.weir.statebackend.rocksdb;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.runtime.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ReducingState} in RocksDB: the reduced value, one entry per key and namespace; without TTL
 * the values used last are reduced on the heap and written back later ({@link AccumulatorCache}).
 */
final class RocksDBReducingState<K, N, V> extends RocksDBState<K, N, V>
        implements ReducingState<V>, InternalMergingState<N> {
    private final ReduceFunction<V> reducer;

    RocksDBReducingState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
            StoredValueCodec<V> codec, ReduceFunction<V> reducer) {
        super(backend, name, column, codec);
        this.reducer = reducer;
    }

    @Override
    public V get() {
        if (cached()) {
            return copy(cachedEntry().value);
        }
        return getCurrent(writeCurrentKey());
    }

    @Override
    public void add(V value) throws Exception {
        if (value == null) {
            throw new NullPointerException("ReducingState does not accept null values.");
        }
        if (cached()) {
            AccumulatorCache.Entry<V> entry = cachedEntry();
            int generation = cacheGeneration();
            V reduced = owned(entry.value == null ? value : reducer.reduce(entry.value, value), value);
            if (cacheGeneration() != generation) { // the reduce function used this state: the entry may be gone
                entry = cachedEntry();
            }
            entry.update(reduced);
            return;
        }
        int keyLength = writeCurrentKey();
        int builds = backend.keyBuilder().builds();
        V current = getCurrent(keyLength);
        putCurrent(keyLength, builds, current == null ? value : reducer.reduce(current, value));
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        evictFromCache(target);
        V merged = null;
        for (N source : sources) {
            evictFromCache(source);
            if (source.equals(target)) {
                continue;
            }
            byte[] key = currentKey(source);
            V value = getValue(key);
            if (value != null) {
                delete(key);
                merged = merged == null ? value : reducer.reduce(merged, value);
            }
        }
        if (merged != null) {
            byte[] key = currentKey(target);
            V current = getValue(key);
            putBytes(key, encode(current == null ? merged : reducer.reduce(current, merged)));
        }
    }
}
