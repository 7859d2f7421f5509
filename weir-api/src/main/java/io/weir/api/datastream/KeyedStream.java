package io.weir.api.datastream;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.AggregationFunction;
import io.weir.api.functions.aggregation.AggregationFunction.AggregationType;
import io.weir.api.functions.aggregation.ComparableAggregator;
import io.weir.api.functions.aggregation.SumAggregator;
import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamGroupedReduceOperator;
import io.weir.api.transformations.Exchange;
import io.weir.api.transformations.OneInputTransformation;
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

    @Override
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outputType,
            OneInputStreamOperator<T, R> operator) {
        SingleOutputStreamOperator<R> result = super.transform(operatorName, outputType, operator);
        ((OneInputTransformation<T, R>) result.getTransformation()).setStateKeySelector(keySelector, keyType);
        return result;
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

    /** A rolling reduce: emits the reduced value of the element's key after every element. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Keyed Reduce", getType(), new StreamGroupedReduceOperator<>(reducer, getType()));
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
        return transform("Keyed Aggregation", getType(), new StreamGroupedReduceOperator<>(aggregation, getType()));
    }
}
