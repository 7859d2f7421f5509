package io.weir.runtime.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;

/** {@link AggregatingState} on the heap: stores the accumulator, returns its result. */
final class HeapAggregatingState<K, N, IN, ACC, OUT> extends HeapState<K, N, ACC> implements AggregatingState<IN, OUT>,
        InternalMergingState<N> {
    private final AggregateFunction<IN, ACC, OUT> function;
    /** {@link #accumulate} as an object, made once. */
    private final ValueUpdate<ACC> accumulate = this::accumulate;
    /** The input {@link #add(Object)} is adding. */
    private IN added;

    @SuppressWarnings("unchecked")
    HeapAggregatingState(HeapKeyedStateBackend<K> backend, StateTable<K, N, ACC> table, AggregateFunction<?, ?, ?> function) {
        super(backend, table);
        this.function = (AggregateFunction<IN, ACC, OUT>) function;
    }

    @Override
    public OUT get() {
        ACC acc = getInternal();
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public void add(IN value) throws Exception {
        added = value;
        try {
            updateInternal(accumulate);
        } finally {
            added = null;
        }
    }

    private ACC accumulate(ACC current) {
        return function.add(added, current == null ? function.createAccumulator() : current);
    }

    @Override
    protected ACC mergeState(ACC a, ACC b) {
        return function.merge(a, b);
    }
}
