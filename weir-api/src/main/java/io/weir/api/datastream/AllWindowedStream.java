package io.weir.api.datastream;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.AllWindowFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A non-keyed stream grouped into windows ({@code windowAll}). All elements go to one subtask: the
 * window operator runs at parallelism 1, as a keyed window on one constant key.
 */
public class AllWindowedStream<T, W extends Window> {
    private final WindowedStream<T, Byte, W> windowed;

    public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
        KeyedStream<T, Byte> keyed = new KeyedStream<>(input, new AllWindowFunctionAdapters.ConstantKey<>(),
                BasicTypeInfo.BYTE_TYPE_INFO);
        this.windowed = new WindowedStream<>(keyed, windowAssigner);
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        windowed.sideOutputLateData(outputTag);
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return single(windowed.reduce(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            ProcessAllWindowFunction<T, R, W> function) {
        return single(windowed.reduce(reduceFunction, new AllWindowFunctionAdapters.Process<>(function),
                processResultType(function, getInputType())));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
        return single(windowed.reduce(reduceFunction, new AllWindowFunctionAdapters.Apply<>(function),
                applyResultType(function, getInputType())));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            ProcessAllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return single(windowed.reduce(reduceFunction, new AllWindowFunctionAdapters.Process<>(function), resultType));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function,
            TypeInformation<R> resultType) {
        return single(windowed.reduce(reduceFunction, new AllWindowFunctionAdapters.Apply<>(function), resultType));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return single(windowed.aggregate(function));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function,
            TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
        return single(windowed.aggregate(function, accumulatorType, resultType));
    }

    /**
     * As {@link #aggregate(AggregateFunction, ProcessAllWindowFunction)} with the types given.
     * {@code aggregateResultType} is accepted for Flink's signature; Weir does not need it, because
     * the aggregate's result goes straight to the window function and is never stored.
     */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessAllWindowFunction<V, R, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
        return single(windowed.aggregate(aggregateFunction, new AllWindowFunctionAdapters.Process<>(windowFunction),
                accumulatorType, resultType));
    }

    /** As {@link #aggregate(AggregateFunction, AllWindowFunction)} with the types given ({@code aggregateResultType} unused). */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            AllWindowFunction<V, R, W> windowFunction, TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType, TypeInformation<R> resultType) {
        return single(windowed.aggregate(aggregateFunction, new AllWindowFunctionAdapters.Apply<>(windowFunction),
                accumulatorType, resultType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessAllWindowFunction<V, R, W> windowFunction) {
        TypeInformation<ACC> accType = TypeExtractor.getUnaryOperatorReturnType(aggregateFunction,
                AggregateFunction.class, 0, 1, null, getInputType(), "AggregateFunction");
        TypeInformation<V> aggregateType = TypeExtractor.getUnaryOperatorReturnType(aggregateFunction,
                AggregateFunction.class, 0, 2, null, getInputType(), "AggregateFunction");
        return single(windowed.aggregate(aggregateFunction, new AllWindowFunctionAdapters.Process<>(windowFunction),
                accType, processResultType(windowFunction, aggregateType)));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            AllWindowFunction<V, R, W> windowFunction) {
        TypeInformation<ACC> accType = TypeExtractor.getUnaryOperatorReturnType(aggregateFunction,
                AggregateFunction.class, 0, 1, null, getInputType(), "AggregateFunction");
        TypeInformation<V> aggregateType = TypeExtractor.getUnaryOperatorReturnType(aggregateFunction,
                AggregateFunction.class, 0, 2, null, getInputType(), "AggregateFunction");
        return single(windowed.aggregate(aggregateFunction, new AllWindowFunctionAdapters.Apply<>(windowFunction),
                accType, applyResultType(windowFunction, aggregateType)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return process(function, processResultType(function, getInputType()));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function,
            TypeInformation<R> resultType) {
        return single(windowed.process(new AllWindowFunctionAdapters.Process<>(function), resultType));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return apply(function, applyResultType(function, getInputType()));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return single(windowed.process(new AllWindowFunctionAdapters.Apply<>(function), resultType));
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return single(windowed.sum(positionToSum));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return single(windowed.sum(field));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return single(windowed.min(positionToMin));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return single(windowed.min(field));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return single(windowed.max(positionToMax));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return single(windowed.max(field));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return single(windowed.minBy(positionToMinBy));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return single(windowed.minBy(field));
    }

    /** The element with the smallest field; of equal ones the first seen if {@code first}, else the last. */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return single(windowed.minBy(positionToMinBy, first));
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return single(windowed.minBy(field, first));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return single(windowed.maxBy(positionToMaxBy));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return single(windowed.maxBy(field));
    }

    /** The element with the largest field; of equal ones the first seen if {@code first}, else the last. */
    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return single(windowed.maxBy(positionToMaxBy, first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return single(windowed.maxBy(field, first));
    }

    public TypeInformation<T> getInputType() {
        return windowed.getInputType();
    }

    private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> result) {
        return result.forceNonParallel();
    }

    private static <V, R> TypeInformation<R> processResultType(ProcessAllWindowFunction<V, R, ?> function,
            TypeInformation<V> inType) {
        return TypeExtractor.getUnaryOperatorReturnType(function, ProcessAllWindowFunction.class, 0, 1, null, inType,
                "ProcessAllWindowFunction");
    }

    private static <V, R> TypeInformation<R> applyResultType(AllWindowFunction<V, R, ?> function,
            TypeInformation<V> inType) {
        return TypeExtractor.getUnaryOperatorReturnType(function, AllWindowFunction.class, 0, 1, new int[] {2, 0},
                inType, "AllWindowFunction");
    }
}
