package io.weir.runtime.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import java.util.HashMap;

/** {@link AggregatingState} on the heap: stores the accumulator, returns its result. */
final class HeapAggregatingState<K, N, IN, ACC, OUT> extends HeapState<K, N, ACC> implements AggregatingState<IN, OUT>,
        InternalMergingState<N> {
    private final AggregateFunction<IN, ACC, OUT> function;

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
    public void add(IN value) {
        HashMap<K, ACC> values = valuesInternal();
        ACC acc = getInternal(values);
        if (acc == null) {
            acc = function.createAccumulator();
        }
        putInternal(values, function.add(value, acc));
    }

    @Override
    protected ACC mergeState(ACC a, ACC b) {
        return function.merge(a, b);
    }
}
