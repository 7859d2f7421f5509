package io.weir.runtime.operators.windowing;

import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

/**
 * The per-window state store of a window function on a merging assigner (sessions): every state
 * request fails, as in Flink. When two windows merge, the runtime can combine the window contents
 * (it knows how to add them up) but not arbitrary user state kept per window: a value or map of one
 * window would have to win or be lost. Failing on first use says so instead of losing state.
 */
final class MergingWindowStateStore implements KeyedStateStore {
    private final String operatorName;

    MergingWindowStateStore(String operatorName) {
        this.operatorName = operatorName;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        throw rejected(stateProperties.getName());
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        throw rejected(stateProperties.getName());
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        throw rejected(stateProperties.getName());
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        throw rejected(stateProperties.getName());
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        throw rejected(stateProperties.getName());
    }

    private UnsupportedOperationException rejected(String stateName) {
        return new UnsupportedOperationException("Per-window state is not allowed when using merging windows"
                + " (window operator '" + operatorName + "', state '" + stateName + "'): when session windows merge,"
                + " the state kept per window cannot be combined and would be lost. Keep it in"
                + " context.globalState() (per key), or derive it from the window's elements.");
    }
}
