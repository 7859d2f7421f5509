package io.weir.runtime.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;

/** {@link ReducingState} on the heap. */
final class HeapReducingState<K, N, V> extends HeapState<K, N, V> implements ReducingState<V>,
        InternalMergingState<N> {
    private final ReduceFunction<V> reducer;
    /** {@link #reduce} as an object, made once. */
    private final ValueUpdate<V> reduce = this::reduce;
    /** The value {@link #add} is adding, for {@link #reduce}. */
    private V added;

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
        added = value;
        try {
            updateInternal(reduce);
        } finally {
            added = null;
        }
    }

    private V reduce(V current) throws Exception {
        return current == null ? added : reducer.reduce(current, added);
    }

    @Override
    protected V mergeState(V a, V b) throws Exception {
        return reducer.reduce(a, b);
    }
}
