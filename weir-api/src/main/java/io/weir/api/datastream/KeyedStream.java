package io.weir.api.datastream;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.AggregationFunction;
import io.weir.api.functions.aggregation.AggregationFunction.AggregationType;
import io.weir.api.functions.aggregation.ComparableAggregator;
import io.weir.api.functions.aggregation.SumAggregator;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.transformations.Exchange;
import io.weir.api.transformations.GroupedReduceDescription;
import io.weir.api.transformations.IntervalJoinDescription;
import io.weir.api.transformations.OneInputTransformation;
import io.weir.api.transformations.OperatorDescription;
import io.weir.api.transformations.PartitionTransformation;
import io.weir.api.types.FieldAccessor;
import io.weir.api.types.FieldAccessors;
import io.weir.api.types.MissingTypeInfo;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A stream partitioned by key: elements with equal keys go to the same subtask, and operators on
 * it get keyed state scoped to each element's key.
 */
public class KeyedStream<T, KEY> extends DataStream<T> {
    private final KeySelector<T, KEY> keySelector;
    private final TypeInformation<KEY> keyType;

    KeyedStream(DataStream<T> input, KeySelector<T, KEY> keySelector, TypeInformation<KEY> keyType) {
        super(input.getExecutionEnvironment(),
                new PartitionTransformation<>(input.getTransformation(), Exchange.HASH, keySelector));
        this.keySelector = keySelector;
        this.keyType = keyType;
        checkKeyType(keyType, input.getTransformation().getName());
    }

    private static void checkKeyType(TypeInformation<?> keyType, String after) {
        if (keyType instanceof MissingTypeInfo || keyType.isKeyType()) {
            return;
        }
        throw new InvalidProgramException("The key of keyBy(...) after '" + after + "' has type " + keyType
                + ", which cannot be a key: its hashCode is not stable across processes (arrays and classes that do "
                + "not override hashCode() hash by identity). Key by a String, a number, a Tuple, a record, a List, "
                + "or a POJO that overrides hashCode() and equals().");
    }

    public KeySelector<T, KEY> getKeySelector() {
        return keySelector;
    }

    public TypeInformation<KEY> getKeyType() {
        return keyType;
    }

    /** On a keyed stream the operator is keyed: its state and timers are scoped to each element's key. */
    @Override
    <R> SingleOutputStreamOperator<R> addOperator(String operatorName, TypeInformation<R> outputType,
            OperatorDescription operator) {
        SingleOutputStreamOperator<R> result = super.addOperator(operatorName, outputType, operator);
        ((OneInputTransformation<T, R>) result.getTransformation()).setStateKeySelector(keySelector, keyType);
        return result;
    }

    /** A sink function after {@code keyBy} is keyed too, as in Flink: it may use keyed state. */
    @Override
    @SuppressWarnings("unchecked")
    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        DataStreamSink<T> sink = super.addSink(sinkFunction);
        ((OneInputTransformation<T, ?>) sink.getTransformation()).setStateKeySelector(keySelector, keyType);
        return sink;
    }

    /** Processes each element with its key's state in scope. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> function) {
        TypeInformation<R> outType = TypeExtractor.getUnaryOperatorReturnType(function, KeyedProcessFunction.class,
                1, 2, null, transformation.getOutputTypeUnchecked(), "KeyedProcess");
        return process(function, outType);
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> function,
            TypeInformation<R> outputType) {
        return transform("KeyedProcess", outputType, new KeyedProcessOperator<>(function));
    }

    /** Groups the elements of each key into the windows {@code assigner} gives them. */
    public <W extends Window> WindowedStream<T, KEY, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Tumbling count windows: each key's window fires and is emptied after every {@code size} elements. */
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows: every {@code slide} elements of a key, fires on its last {@code size} elements. */
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    /**
     * Starts an interval join with another keyed stream (same key type): elements with equal keys
     * are joined when their timestamps are within the bounds given by {@code between(...)}.
     */
    public <T1> IntervalJoin<T, T1, KEY> intervalJoin(KeyedStream<T1, KEY> otherStream) {
        return new IntervalJoin<>(this, otherStream);
    }

    /** A rolling reduce: emits the reduced value of the element's key after every element. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return addOperator("Keyed Reduce", getType(), new GroupedReduceDescription<>(reducer, getType()));
    }

    public SingleOutputStreamOperator<T> sum(int position) {
        return aggregate(sumOf(FieldAccessors.forPosition(getType(), position)));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(sumOf(FieldAccessors.forName(getType(), field)));
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return aggregate(compare(FieldAccessors.forPosition(getType(), position), AggregationType.MIN, true));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(compare(FieldAccessors.forName(getType(), field), AggregationType.MIN, true));
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return aggregate(compare(FieldAccessors.forPosition(getType(), position), AggregationType.MAX, true));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(compare(FieldAccessors.forName(getType(), field), AggregationType.MAX, true));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return minBy(position, true);
    }

    public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
        return aggregate(compare(FieldAccessors.forPosition(getType(), position), AggregationType.MINBY, first));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return minBy(field, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregate(compare(FieldAccessors.forName(getType(), field), AggregationType.MINBY, first));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return maxBy(position, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
        return aggregate(compare(FieldAccessors.forPosition(getType(), position), AggregationType.MAXBY, first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return maxBy(field, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregate(compare(FieldAccessors.forName(getType(), field), AggregationType.MAXBY, first));
    }

    @SuppressWarnings("unchecked")
    private AggregationFunction<T> sumOf(FieldAccessor<T, ?> field) {
        return new SumAggregator<>((FieldAccessor<T, Object>) field, serializer());
    }

    @SuppressWarnings("unchecked")
    private AggregationFunction<T> compare(FieldAccessor<T, ?> field, AggregationType type, boolean first) {
        return new ComparableAggregator<>((FieldAccessor<T, Object>) field, serializer(), type, first);
    }

    private io.weir.api.types.TypeSerializer<T> serializer() {
        return getType().createSerializer(environment.getConfig().getSerializerConfig());
    }

    private SingleOutputStreamOperator<T> aggregate(AggregationFunction<T> aggregation) {
        return addOperator("Keyed Aggregation", getType(), new GroupedReduceDescription<>(aggregation, getType()));
    }

    /**
     * An interval join being set up: {@link #between} gives the bounds. Interval joins work in event
     * time only.
     */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> streamOne;
        private final KeyedStream<T2, KEY> streamTwo;

        IntervalJoin(KeyedStream<T1, KEY> streamOne, KeyedStream<T2, KEY> streamTwo) {
            this.streamOne = Objects.requireNonNull(streamOne);
            this.streamTwo = Objects.requireNonNull(streamTwo);
        }

        /** Event time is the only time of interval joins; kept for ported code that states it. */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            return this;
        }

        /** Not supported: an interval join needs timestamps that order the two inputs. */
        public IntervalJoin<T1, T2, KEY> inProcessingTime() {
            throw new UnsupportedOperationException("Interval joins work in event time only: assign timestamps and "
                    + "watermarks to both inputs instead of using processing time.");
        }

        /**
         * Joins a left element at {@code l} with each right element at {@code r} of the same key where
         * {@code l + lowerBound <= r <= l + upperBound}; both bounds inclusive unless made exclusive.
         */
        public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
            long lower = lowerBound.toMillis();
            long upper = upperBound.toMillis();
            if (lower > upper) {
                throw new IllegalArgumentException("between(" + lowerBound + ", " + upperBound + "): the lower bound"
                        + " must not be above the upper bound.");
            }
            return new IntervalJoined<>(streamOne, streamTwo, lower, upper);
        }
    }

    /** An interval join with its bounds: choose exclusive bounds or late-data side outputs, then {@link #process}. */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private final long lowerBound;
        private final long upperBound;
        private boolean lowerBoundInclusive = true;
        private boolean upperBoundInclusive = true;
        private OutputTag<IN1> leftLateDataOutputTag;
        private OutputTag<IN2> rightLateDataOutputTag;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            this.lowerBoundInclusive = false;
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            this.upperBoundInclusive = false;
            return this;
        }

        /** Sends left elements behind the watermark to this side output instead of dropping them. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> outputTag) {
            this.leftLateDataOutputTag = Objects.requireNonNull(outputTag, "outputTag");
            return this;
        }

        /** Sends right elements behind the watermark to this side output instead of dropping them. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> outputTag) {
            this.rightLateDataOutputTag = Objects.requireNonNull(outputTag, "outputTag");
            return this;
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
            return process(processJoinFunction, TypeExtractor.getUnaryOperatorReturnType(processJoinFunction,
                    ProcessJoinFunction.class, 0, 2, null, left.getTransformation().getOutputTypeUnchecked(),
                    "Interval Join"));
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction,
                TypeInformation<OUT> outputType) {
            IntervalJoinDescription<IN1, IN2, OUT> operator = new IntervalJoinDescription<>(lowerBound, upperBound,
                    lowerBoundInclusive, upperBoundInclusive, leftLateDataOutputTag, rightLateDataOutputTag,
                    left.getType(), right.getType(), processJoinFunction);
            return left.connect(right).addOperator("Interval Join", outputType, operator);
        }
    }
}
