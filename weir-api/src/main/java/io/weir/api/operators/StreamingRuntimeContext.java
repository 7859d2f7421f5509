package io.weir.api.operators;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.TaskInfo;
import io.weir.api.metrics.MetricGroup;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import java.io.Serializable;
import java.util.Objects;

/**
 * The {@link RuntimeContext} of functions inside an operator: task identity, keyed state and
 * accumulators. It is also the operator's {@link KeyedStateStore}.
 */
public class StreamingRuntimeContext implements RuntimeContext, KeyedStateStore {
    private final OperatorContext context;

    public StreamingRuntimeContext(OperatorContext context) {
        this.context = context;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return context.getTaskInfo();
    }

    @Override
    public MetricGroup getMetricGroup() {
        return context.getMetricGroup();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return context.getUserCodeClassLoader();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return keyedState(descriptor);
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        Objects.requireNonNull(name, "accumulator name");
        Objects.requireNonNull(accumulator, "accumulator");
        context.addAccumulator(name, accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) context.getAccumulator(name);
    }

    private <S extends State> S keyedState(StateDescriptor<S, ?> descriptor) {
        KeyedStateBackend<?> backend = context.getKeyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException("Keyed state '" + descriptor.getName() + "' was requested in operator '"
                    + context.getOperatorName() + "', whose input is not keyed. Keyed state is only available on a "
                    + "KeyedStream: call keyBy(...) before this operator.");
        }
        return backend.getPartitionedState(descriptor);
    }
}
