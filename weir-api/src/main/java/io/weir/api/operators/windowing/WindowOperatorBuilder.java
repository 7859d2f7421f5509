package io.weir.api.operators.windowing;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ClosureCleaner;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.transformations.WindowOperatorDescription;
import io.weir.api.transformations.WindowSpec;
import io.weir.api.types.GenericTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the description of the window operator of a windowed stream: collects the assigner,
 * trigger, evictor, allowed lateness and late-data tag, then describes the operator for the window
 * function (the runtime builds the operator from that description).
 * Without an evictor, a reduce or aggregate function runs incrementally as elements arrive (the
 * window keeps one value); with one, the window keeps all elements and the function runs when the
 * window fires.
 */
public class WindowOperatorBuilder<T, K, W extends Window> {
    private static final String CONTENTS = "window-contents";

    private final WindowAssigner<? super T, W> assigner;
    private final ExecutionConfig config;
    private final TypeInformation<T> inputType;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    public WindowOperatorBuilder(WindowAssigner<? super T, W> assigner, Trigger<? super T, ? super W> trigger,
            ExecutionConfig config, TypeInformation<T> inputType) {
        this.assigner = ClosureCleaner.clean(Objects.requireNonNull(assigner, "window assigner"));
        this.trigger = ClosureCleaner.clean(Objects.requireNonNull(trigger, "trigger"));
        this.config = config;
        this.inputType = inputType;
    }

    public void trigger(Trigger<? super T, ? super W> trigger) {
        this.trigger = ClosureCleaner.clean(Objects.requireNonNull(trigger, "trigger"));
    }

    public void evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = ClosureCleaner.clean(Objects.requireNonNull(evictor, "evictor"));
    }

    public void allowedLateness(Duration lateness) {
        long millis = lateness.toMillis();
        if (millis < 0) {
            throw new IllegalArgumentException("allowedLateness(" + lateness + "): the lateness must not be negative.");
        }
        this.allowedLateness = millis;
    }

    public void sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataOutputTag = Objects.requireNonNull(outputTag, "late data output tag");
    }

    /** Reduces the elements of each window and emits the result. */
    public WindowOperatorDescription<K, T, T, W> reduce(ReduceFunction<T> reduceFunction) {
        return reduce(reduceFunction, new WindowFunctions.PassThrough<>());
    }

    /** Reduces the elements of each window and hands the result to {@code function} with the window's context. */
    public <R> WindowOperatorDescription<K, T, R, W> reduce(ReduceFunction<T> reduceFunction,
            ProcessWindowFunction<T, R, K, W> function) {
        requireNotRich(reduceFunction, "ReduceFunction", "reduce");
        ClosureCleaner.clean(reduceFunction);
        ClosureCleaner.clean(function);
        if (evictor != null) {
            return evicting(new WindowFunctions.ReduceThenProcess<>(reduceFunction, function));
        }
        return new WindowOperatorDescription<>(spec(), new ReducingStateDescriptor<>(CONTENTS, reduceFunction,
                inputType), true, function, null);
    }

    /** Reduces the elements of each window and hands the result to {@code function}. */
    public <R> WindowOperatorDescription<K, T, R, W> reduce(ReduceFunction<T> reduceFunction,
            WindowFunction<T, R, K, W> function) {
        return reduce(reduceFunction, new WindowFunctions.Apply<>(ClosureCleaner.clean(function)));
    }

    /** Aggregates the elements of each window and hands the result to {@code function}. */
    public <ACC, V, R> WindowOperatorDescription<K, T, R, W> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            WindowFunction<V, R, K, W> function, TypeInformation<ACC> accumulatorType) {
        return aggregate(aggregateFunction, new WindowFunctions.Apply<>(ClosureCleaner.clean(function)), accumulatorType);
    }

    /** Aggregates the elements of each window and hands the result to {@code function}. */
    public <ACC, V, R> WindowOperatorDescription<K, T, R, W> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessWindowFunction<V, R, K, W> function, TypeInformation<ACC> accumulatorType) {
        requireNotRich(aggregateFunction, "AggregateFunction", "aggregate");
        ClosureCleaner.clean(aggregateFunction);
        ClosureCleaner.clean(function);
        if (evictor != null) {
            return evicting(new WindowFunctions.AggregateThenProcess<>(aggregateFunction, function));
        }
        return new WindowOperatorDescription<>(spec(), new AggregatingStateDescriptor<>(CONTENTS, aggregateFunction,
                accumulatorType), true, function, null);
    }

    /** Aggregates the elements of each window and emits the result. */
    public <ACC, V> WindowOperatorDescription<K, T, V, W> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            TypeInformation<ACC> accumulatorType) {
        return aggregate(aggregateFunction, new WindowFunctions.PassThrough<>(), accumulatorType);
    }

    /** Keeps all elements of each window and hands them to {@code function} when it fires. */
    public <R> WindowOperatorDescription<K, T, R, W> process(ProcessWindowFunction<T, R, K, W> function) {
        ClosureCleaner.clean(function);
        if (evictor != null) {
            return evicting(function);
        }
        return new WindowOperatorDescription<>(spec(), new ListStateDescriptor<>(CONTENTS, inputType), false, function,
                null);
    }

    /** Keeps all elements of each window and hands them to {@code function} when it fires. */
    public <R> WindowOperatorDescription<K, T, R, W> apply(WindowFunction<T, R, K, W> function) {
        return process(new WindowFunctions.Apply<>(ClosureCleaner.clean(function)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> WindowOperatorDescription<K, T, R, W> evicting(ProcessWindowFunction<T, R, K, W> function) {
        ListStateDescriptor<StreamRecord<T>> contents = new ListStateDescriptor<>(CONTENTS,
                (TypeInformation<StreamRecord<T>>) (TypeInformation) new GenericTypeInfo<>(StreamRecord.class));
        return new WindowOperatorDescription<>(spec(), contents, false, function, evictor);
    }

    private WindowSpec<T, W> spec() {
        return new WindowSpec<>(assigner, assigner.getWindowSerializer(config), trigger, allowedLateness,
                lateDataOutputTag);
    }

    private static void requireNotRich(Object function, String kind, String method) {
        if (function instanceof RichFunction) {
            throw new UnsupportedOperationException("The " + kind + " of a window's " + method + "(...) cannot be a"
                    + " rich function: it runs inside the window state, without open() or a runtime context. Pass a"
                    + " ProcessWindowFunction as the second argument and do the rich work there.");
        }
    }
}
