package io.weir.runtime.state;

import io.weir.api.state.ValueState;

/** {@link ValueState} on the heap. */
final class HeapValueState<K, N, V> extends HeapState<K, N, V> implements ValueState<V> {
    HeapValueState(HeapKeyedStateBackend<K> backend, StateTable<K, N, V> table) {
        super(backend, table);
    }

    @Override
    public V value() {
        return getInternal();
    }

    /** Values are kept as the objects given: one read and changed in place is changed here. */
    @Override
    public boolean keepsValueObjects() {
        return true;
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
        } else {
            putInternal(value);
        }
    }
}
