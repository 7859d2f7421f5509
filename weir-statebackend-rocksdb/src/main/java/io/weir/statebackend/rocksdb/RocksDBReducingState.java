package io.weir.statebackend.rocksdb;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.runtime.state.InternalMergingState;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ReducingState} in RocksDB: the reduced value, one entry per key and namespace. */
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
        return getCurrent(writeCurrentKey());
    }

    @Override
    public void add(V value) throws Exception {
        if (value == null) {
            throw new NullPointerException("ReducingState does not accept null values.");
        }
        int keyLength = writeCurrentKey();
        int builds = backend.keyBuilder().builds();
        V current = getCurrent(keyLength);
        putCurrent(keyLength, builds, current == null ? value : reducer.reduce(current, value));
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        V merged = null;
        for (N source : sources) {
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
