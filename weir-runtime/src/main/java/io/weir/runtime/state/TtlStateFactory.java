package io.weir.runtime.state;

import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.MapState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueState;
import java.util.function.LongSupplier;

/**
 * Puts the TTL rules of a descriptor around a state of another backend: the inner state stores
 * {@link TtlValue}s (a value state for value, reducing and aggregating state, a list of them for
 * list state, a map to them for map state), the returned state hands out and takes user values.
 * Expired values are removed when they are read; incremental cleanup and cleanup in full snapshots
 * are the heap backend's (a backend using this factory documents what it does instead).
 */
public final class TtlStateFactory {
    private TtlStateFactory() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static State wrap(StateDescriptor<?, ?> descriptor, State inner, LongSupplier clock) {
        TtlPolicy policy = new TtlPolicy(descriptor.getTtlConfig(), clock, null);
        switch (descriptor.getType()) {
            case VALUE:
                return new TtlValueState<>((ValueState) inner, policy);
            case LIST:
                return new TtlListState<>((ListState) inner, policy);
            case MAP:
                return new TtlMapState<>((MapState) inner, policy);
            case REDUCING:
                return new TtlReducingState<>((ValueState) inner, policy,
                        ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING:
                return new TtlAggregatingState<>((ValueState) inner, policy,
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default:
                throw new IllegalArgumentException("Unknown state type " + descriptor.getType());
        }
    }
}
