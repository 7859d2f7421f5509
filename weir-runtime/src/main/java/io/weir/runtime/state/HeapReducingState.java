package io.weir.runtime.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;

/** {@link ReducingState} on the heap. */
final class HeapReducingState<K, N, V> extends HeapState<K, N, V> implements ReducingState<V>,
        InternalMergingState<N> {
    private final ReduceFunction<V> reducer;
    private final Merger<V> reduce = new Merger<>() {
        @Override
        protected V combine(V current, V added) throws Exception {
            return reducer.reduce(current, added);
        }
    };

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
        mergeInternal(value, reduce);
    }

    @Override
    protected V mergeState(V a, V b) throws Exception {
        return reducer.reduce(a, b);
    }
}
