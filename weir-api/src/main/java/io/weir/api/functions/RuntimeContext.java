package io.weir.api.functions;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.accumulators.DoubleCounter;
import io.weir.api.accumulators.Histogram;
import io.weir.api.accumulators.IntCounter;
import io.weir.api.accumulators.LongCounter;
import io.weir.api.metrics.MetricGroup;
import java.io.Serializable;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

/**
 * What a rich function sees of the task it runs in: which subtask it is, its keyed state, and its
 * accumulators.
 *
 * <p>Keyed state is only available on a keyed stream (after {@code keyBy}); the state returned is
 * scoped to the key of the element being processed.
 */
public interface RuntimeContext {
    TaskInfo getTaskInfo();

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

    /**
     * The metric group of the operator this function runs in: counters, gauges, meters and
     * histograms registered here are reported with the operator's scope (job, task, subtask,
     * operator). Register them in {@code open()}.
     */
    MetricGroup getMetricGroup();

    /** The class loader of the user's code. */
    ClassLoader getUserCodeClassLoader();

    /**
     * Registers an accumulator under {@code name}: its values from all parallel subtasks are merged
     * and returned in the job's result. A name can be registered once per subtask; the operators
     * chained into one task share the names.
     *
     * @throws UnsupportedOperationException if the name is already registered in this subtask
     */
    <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    /** The accumulator registered under {@code name} in this subtask, or {@code null}. */
    <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name);

    /** The {@link IntCounter} named {@code name}, registered now if it does not exist yet. */
    default IntCounter getIntCounter(String name) {
        return accumulatorOfType(this, name, IntCounter.class, new IntCounter());
    }

    /** The {@link LongCounter} named {@code name}, registered now if it does not exist yet. */
    default LongCounter getLongCounter(String name) {
        return accumulatorOfType(this, name, LongCounter.class, new LongCounter());
    }

    /** The {@link DoubleCounter} named {@code name}, registered now if it does not exist yet. */
    default DoubleCounter getDoubleCounter(String name) {
        return accumulatorOfType(this, name, DoubleCounter.class, new DoubleCounter());
    }

    /** The {@link Histogram} named {@code name}, registered now if it does not exist yet. */
    default Histogram getHistogram(String name) {
        return accumulatorOfType(this, name, Histogram.class, new Histogram());
    }

    private static <A extends Accumulator<?, ?>> A accumulatorOfType(RuntimeContext context, String name,
            Class<A> type, A fresh) {
        Accumulator<?, ?> existing = context.getAccumulator(name);
        if (existing == null) {
            context.addAccumulator(name, (Accumulator) fresh);
            return fresh;
        }
        if (!type.isInstance(existing)) {
            throw new UnsupportedOperationException("Accumulator '" + name + "' is a "
                    + existing.getClass().getName() + ", not a " + type.getSimpleName()
                    + ". Use another name for the " + type.getSimpleName() + ".");
        }
        return type.cast(existing);
    }
}
