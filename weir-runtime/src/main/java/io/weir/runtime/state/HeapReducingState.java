package io.weir.runtime.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import java.util.HashMap;

/** {@link ReducingState} on the heap. */
final class HeapReducingState<K, N, V> extends HeapState<K, N, V> implements ReducingState<V>,
        InternalMergingState<N> {
    private final ReduceFunction<V> reducer;

    @SuppressWarnings("unchecked")
    HeapReducingState(HeapKeyedStateBackend<K> backend, StateTable<K, N, V> table, ReduceFunction<?> reducer) {
        super(backend, table);
        this.reducer = (ReduceFunction<V>) reducer;
    }

    @Override
    public V get() {
        return getInternal();
    }

    @Override
    public void add(V value) throws Exception {
        if (value == null) {
            throw new NullPointerException("ReducingState does not accept null values.");
        }
        HashMap<K, V> values = valuesInternal();
        V current = getInternal(values);
        putInternal(values, current == null ? value : reducer.reduce(current, value));
    }

    @Override
    protected V mergeState(V a, V b) throws Exception {
        return reducer.reduce(a, b);
    }
}
