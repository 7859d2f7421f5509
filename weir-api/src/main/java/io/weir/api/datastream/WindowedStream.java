package io.weir.api.datastream;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.AggregationFunction;
import io.weir.api.functions.aggregation.AggregationFunction.AggregationType;
import io.weir.api.functions.aggregation.ComparableAggregator;
import io.weir.api.functions.aggregation.SumAggregator;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.operators.windowing.WindowOperatorBuilder;
import io.weir.api.transformations.WindowOperatorDescription;
import io.weir.api.types.FieldAccessor;
import io.weir.api.types.FieldAccessors;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A keyed stream grouped into windows: set the trigger, evictor and lateness, then give the
 * function that evaluates each window ({@code reduce}, {@code aggregate}, {@code process},
 * {@code apply} or a built-in aggregation). Nothing runs until one of those is called.
 */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> windowAssigner;
    private final WindowOperatorBuilder<T, K, W> builder;
    private Trigger<? super T, ? super W> trigger;

    @SuppressWarnings("unchecked")
    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input;
        this.windowAssigner = windowAssigner;
        this.trigger = (Trigger<? super T, ? super W>) windowAssigner.getDefaultTrigger();
        this.builder = new WindowOperatorBuilder<>(windowAssigner, trigger,
                input.getExecutionEnvironment().getConfig(), input.getType());
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        builder.trigger(trigger);
        this.trigger = trigger;
        return this;
    }

    /** Evicts elements from each window when it fires; the window then keeps all elements. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        builder.evictor(evictor);
        return this;
    }

    /**
     * Keeps event-time windows for {@code lateness} after the watermark passed their end: late
     * elements in that time are added and fire the window again. Later elements are dropped or go
     * to {@link #sideOutputLateData}.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        builder.allowedLateness(lateness);
        return this;
    }

    /** Sends elements that arrive after their windows' allowed lateness to the side output {@code outputTag}. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        builder.sideOutputLateData(outputTag);
        return this;
    }

    // ---- reduce ----

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return transform("ReduceFunction", input.getType(), builder.reduce(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            ProcessWindowFunction<T, R, K, W> function) {
        return reduce(reduceFunction, function, processResultType(function, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return transform("ReduceFunction, ProcessWindowFunction", resultType, builder.reduce(reduceFunction, function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        return reduce(reduceFunction, function, applyResultType(function, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return transform("ReduceFunction, WindowFunction", resultType,
                builder.reduce(reduceFunction, function));
    }

    // ---- aggregate ----

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<ACC> accType = accumulatorType(function);
        TypeInformation<R> resultType = TypeExtractor.getUnaryOperatorReturnType(function, AggregateFunction.class, 0, 2,
                null, input.getType(), "AggregateFunction");
        return aggregate(function, accType, resultType);
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function,
            TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
        return transform("AggregateFunction", resultType, builder.aggregate(function, accumulatorType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<V> aggregateType = TypeExtractor.getUnaryOperatorReturnType(aggregateFunction,
                AggregateFunction.class, 0, 2, null, input.getType(), "AggregateFunction");
        return aggregate(aggregateFunction, windowFunction, accumulatorType(aggregateFunction),
                processResultType(windowFunction, aggregateType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        return transform("AggregateFunction, ProcessWindowFunction", resultType,
                builder.aggregate(aggregateFunction, windowFunction, accumulatorType));
    }

    /**
     * Flink's signature for {@link #aggregate(AggregateFunction, ProcessWindowFunction, TypeInformation,
     * TypeInformation)}; {@code aggregateResultType} is unused, since the aggregate's result is never stored.
     */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
        return aggregate(aggregateFunction, windowFunction, accumulatorType, resultType);
    }

    /** As the four-argument form; {@code aggregateResultType} is accepted for Flink's signature and not needed. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            WindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
        return aggregate(aggregateFunction, windowFunction, accumulatorType, resultType);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            WindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<V> aggregateType = TypeExtractor.getUnaryOperatorReturnType(aggregateFunction,
                AggregateFunction.class, 0, 2, null, input.getType(), "AggregateFunction");
        return aggregate(aggregateFunction, windowFunction, accumulatorType(aggregateFunction),
                applyResultType(windowFunction, aggregateType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            WindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        return transform("AggregateFunction, WindowFunction", resultType,
                builder.aggregate(aggregateFunction, windowFunction, accumulatorType));
    }

    // ---- full window functions ----

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return process(function, processResultType(function, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return transform("ProcessWindowFunction", resultType, builder.process(function));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return apply(function, applyResultType(function, input.getType()));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return transform("WindowFunction", resultType, builder.apply(function));
    }

    // ---- built-in aggregations ----

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return aggregation(sumOf(FieldAccessors.forPosition(input.getType(), positionToSum)));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregation(sumOf(FieldAccessors.forName(input.getType(), field)));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return aggregation(compare(FieldAccessors.forPosition(input.getType(), positionToMin), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregation(compare(FieldAccessors.forName(input.getType(), field), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return aggregation(compare(FieldAccessors.forPosition(input.getType(), positionToMax), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregation(compare(FieldAccessors.forName(input.getType(), field), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return minBy(positionToMinBy, true);
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return aggregation(compare(FieldAccessors.forPosition(input.getType(), positionToMinBy), AggregationType.MINBY,
                first));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return minBy(field, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregation(compare(FieldAccessors.forName(input.getType(), field), AggregationType.MINBY, first));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return maxBy(positionToMaxBy, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return aggregation(compare(FieldAccessors.forPosition(input.getType(), positionToMaxBy), AggregationType.MAXBY,
                first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return maxBy(field, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregation(compare(FieldAccessors.forName(input.getType(), field), AggregationType.MAXBY, first));
    }

    @SuppressWarnings("unchecked")
    private AggregationFunction<T> sumOf(FieldAccessor<T, ?> field) {
        return new SumAggregator<>((FieldAccessor<T, Object>) field, serializer());
    }

    @SuppressWarnings("unchecked")
    private AggregationFunction<T> compare(FieldAccessor<T, ?> field, AggregationType type, boolean first) {
        return new ComparableAggregator<>((FieldAccessor<T, Object>) field, serializer(), type, first);
    }

    private TypeSerializer<T> serializer() {
        return input.getType().createSerializer(input.getExecutionEnvironment().getConfig().getSerializerConfig());
    }

    private SingleOutputStreamOperator<T> aggregation(AggregationFunction<T> aggregation) {
        return transform("Aggregation", input.getType(), builder.reduce(aggregation));
    }

    // ----

    public KeyedStream<T, K> getInput() {
        return input;
    }

    public TypeInformation<T> getInputType() {
        return input.getType();
    }

    private <R> SingleOutputStreamOperator<R> transform(String functionKind, TypeInformation<R> resultType,
            WindowOperatorDescription<K, T, R, W> operator) {
        String name = (operator.evictor() != null ? "EvictingWindow(" : "Window(") + windowAssigner + ", " + trigger
                + ", " + functionKind + ")";
        return input.addOperator(name, resultType, operator);
    }

    private <ACC> TypeInformation<ACC> accumulatorType(AggregateFunction<T, ACC, ?> function) {
        return TypeExtractor.getUnaryOperatorReturnType(function, AggregateFunction.class, 0, 1, null, input.getType(),
                "AggregateFunction");
    }

    private static <V, R> TypeInformation<R> processResultType(ProcessWindowFunction<V, R, ?, ?> function,
            TypeInformation<V> inType) {
        return TypeExtractor.getUnaryOperatorReturnType(function, ProcessWindowFunction.class, 0, 1, null, inType,
                "ProcessWindowFunction");
    }

    private static <V, R> TypeInformation<R> applyResultType(WindowFunction<V, R, ?, ?> function,
            TypeInformation<V> inType) {
        return TypeExtractor.getUnaryOperatorReturnType(function, WindowFunction.class, 0, 1, new int[] {3, 0}, inType,
                "WindowFunction");
    }
}
