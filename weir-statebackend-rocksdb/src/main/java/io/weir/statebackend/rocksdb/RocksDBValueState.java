package io.weir.statebackend.rocksdb;

import io.weir.api.state.ValueState;
import org.rocksdb.ColumnFamilyHandle;

/** {@link ValueState} in RocksDB: one entry per key and namespace. */
final class RocksDBValueState<K, N, V> extends RocksDBState<K, N, V> implements ValueState<V> {
    RocksDBValueState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
            StoredValueCodec<V> codec) {
        super(backend, name, column, codec);
    }

    @Override
    public V value() {
        return getCurrent(writeCurrentKey());
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
        } else {
            int keyLength = writeCurrentKey();
            putCurrent(keyLength, backend.keyBuilder().builds(), value);
        }
    }
}
