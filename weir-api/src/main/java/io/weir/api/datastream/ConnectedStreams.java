package io.weir.api.datastream;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoFlatMapFunction;
import io.weir.api.functions.CoMapFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.operators.CoProcessOperator;
import io.weir.api.operators.CoStreamFlatMap;
import io.weir.api.operators.CoStreamMap;
import io.weir.api.operators.KeyedCoProcessOperator;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.transformations.OperatorDescription;
import io.weir.api.transformations.OperatorInstance;
import io.weir.api.transformations.TwoInputTransformation;
import io.weir.api.types.MissingTypeInfo;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;

/**
 * Two streams, possibly of different types, processed together by one operator that sees the
 * elements of both (a co-function). When both streams are keyed (two {@link KeyedStream}s, also
 * when typed as {@code DataStream}, or after {@link #keyBy}), elements with equal keys meet in the
 * same subtask and share that key's state.
 */
public class ConnectedStreams<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> inputStream1;
    private final DataStream<IN2> inputStream2;

    protected ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> input1, DataStream<IN2> input2) {
        if (input2.getExecutionEnvironment() != environment) {
            throw new IllegalArgumentException("Cannot connect streams of different execution environments.");
        }
        this.environment = environment;
        this.inputStream1 = input1;
        this.inputStream2 = input2;
        boolean keyed1 = input1 instanceof KeyedStream;
        boolean keyed2 = input2 instanceof KeyedStream;
        if (keyed1 != keyed2) {
            throw new InvalidProgramException("connect(...) of '" + input1.getTransformation().getName() + "' and '"
                    + input2.getTransformation().getName() + "': only the " + (keyed1 ? "first" : "second")
                    + " stream is keyed. Key both (keyBy on each stream, or keyBy(key1, key2) on the connected "
                    + "streams) so that equal keys meet, or key neither.");
        }
        if (keyed1) {
            checkSameKeyType((KeyedStream<?, ?>) input1, (KeyedStream<?, ?>) input2);
        }
    }

    private static void checkSameKeyType(KeyedStream<?, ?> first, KeyedStream<?, ?> second) {
        TypeInformation<?> type1 = first.getKeyType();
        TypeInformation<?> type2 = second.getKeyType();
        if (type1 instanceof MissingTypeInfo || type2 instanceof MissingTypeInfo || type1.equals(type2)) {
            return;
        }
        throw new InvalidProgramException("The two connected streams are keyed by different key types: " + type1
                + " and " + type2 + ". Equal keys can only meet if both key selectors return the same type.");
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return inputStream1;
    }

    public DataStream<IN2> getSecondInput() {
        return inputStream2;
    }

    public TypeInformation<IN1> getType1() {
        return inputStream1.getType();
    }

    public TypeInformation<IN2> getType2() {
        return inputStream2.getType();
    }

    /** Keys both inputs, so that elements with equal keys meet in one subtask and share keyed state. */
    public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1, KeySelector<IN2, KEY> keySelector2) {
        return new ConnectedStreams<>(environment, inputStream1.keyBy(keySelector1), inputStream2.keyBy(keySelector2));
    }

    public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1, KeySelector<IN2, KEY> keySelector2,
            TypeInformation<KEY> keyType) {
        return new ConnectedStreams<>(environment, inputStream1.keyBy(keySelector1, keyType),
                inputStream2.keyBy(keySelector2, keyType));
    }

    /**
     * Keys both inputs by a field position: the field of a tuple, row or case-like type, or the
     * value itself (position 0) for atomic types. Both fields must have the same type.
     *
     * @deprecated as in Flink: use {@link #keyBy(KeySelector, KeySelector)}, which is type-safe.
     */
    @Deprecated
    public ConnectedStreams<IN1, IN2> keyBy(int keyPosition1, int keyPosition2) {
        return new ConnectedStreams<>(environment, FieldKeySelector.keyByPosition(inputStream1, keyPosition1),
                FieldKeySelector.keyByPosition(inputStream2, keyPosition2));
    }

    /**
     * Keys both inputs by a field name (a POJO or record field, a tuple's {@code f0}, nested with dots).
     * Both fields must have the same type.
     *
     * @deprecated as in Flink: use {@link #keyBy(KeySelector, KeySelector)}, which is type-safe.
     */
    @Deprecated
    public ConnectedStreams<IN1, IN2> keyBy(String field1, String field2) {
        return new ConnectedStreams<>(environment, FieldKeySelector.keyByName(inputStream1, field1),
                FieldKeySelector.keyByName(inputStream2, field2));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return map(coMapper, outputType(coMapper, CoMapFunction.class, 0, 2, "Co-Map"));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        return transform("Co-Map", outputType, new CoStreamMap<>(coMapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return flatMap(coFlatMapper, outputType(coFlatMapper, CoFlatMapFunction.class, 0, 2, "Co-Flat Map"));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper,
            TypeInformation<R> outputType) {
        return transform("Co-Flat Map", outputType, new CoStreamFlatMap<>(coFlatMapper));
    }

    /**
     * Processes both inputs with a {@link CoProcessFunction}. On keyed connected streams it gets keyed
     * state and timers; a {@link KeyedCoProcessFunction} also sees the key.
     */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return process(coProcessFunction, outputType(coProcessFunction, CoProcessFunction.class, 0, 2, "Co-Process"));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction,
            TypeInformation<R> outputType) {
        return transform("Co-Process", outputType, new CoProcessOperator<>(coProcessFunction));
    }

    /** Processes both keyed inputs with a {@link KeyedCoProcessFunction}: needs keyed connected streams. */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        return process(keyedCoProcessFunction,
                outputType(keyedCoProcessFunction, KeyedCoProcessFunction.class, 1, 3, "KeyedCoProcess"));
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction,
            TypeInformation<R> outputType) {
        if (!(inputStream1 instanceof KeyedStream)) {
            throw new InvalidProgramException("A KeyedCoProcessFunction needs keyed connected streams: connect two "
                    + "KeyedStreams, or call keyBy(key1, key2) on the connected streams before process(...).");
        }
        return transform("KeyedCoProcess", outputType, new KeyedCoProcessOperator<>(keyedCoProcessFunction));
    }

    /** Applies a custom two-input operator; it is keyed when both inputs are. */
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outputType,
            TwoInputStreamOperator<IN1, IN2, R> operator) {
        return addOperator(operatorName, outputType, new OperatorInstance(operator));
    }

    /** Adds the step that runs {@code operator} on both inputs; it is keyed when both inputs are. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <R> SingleOutputStreamOperator<R> addOperator(String operatorName, TypeInformation<R> outputType,
            OperatorDescription operator) {
        TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(inputStream1.getTransformation(),
                inputStream2.getTransformation(), operatorName, operator, outputType, environment.getParallelism());
        if (inputStream1 instanceof KeyedStream<IN1, ?> keyed1 && inputStream2 instanceof KeyedStream<IN2, ?> keyed2) {
            t.setStateKeySelectors(keyed1.getKeySelector(), (KeySelector) keyed2.getKeySelector(), keyed1.getKeyType());
        }
        return new SingleOutputStreamOperator<>(environment, t);
    }

    private <R> TypeInformation<R> outputType(Object function, Class<?> functionInterface, int input1Index,
            int outputIndex, String name) {
        return TypeExtractor.getUnaryOperatorReturnType(function, functionInterface, input1Index, outputIndex, null,
                inputStream1.getTransformation().getOutputTypeUnchecked(), name);
    }
}
