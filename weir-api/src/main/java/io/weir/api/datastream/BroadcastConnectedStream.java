package io.weir.api.datastream;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.transformations.BroadcastProcessDescription;
import io.weir.api.transformations.KeyedBroadcastProcessDescription;
import io.weir.api.transformations.OperatorDescription;
import io.weir.api.transformations.TwoInputTransformation;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;

/**
 * A stream connected with a {@link BroadcastStream}: processed by a
 * {@link KeyedBroadcastProcessFunction} when the stream is keyed, else by a
 * {@link BroadcastProcessFunction}.
 */
public class BroadcastConnectedStream<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> inputStream1;
    private final BroadcastStream<IN2> inputStream2;

    protected BroadcastConnectedStream(StreamExecutionEnvironment environment, DataStream<IN1> input1,
            BroadcastStream<IN2> input2) {
        if (input2.getEnvironment() != environment) {
            throw new IllegalArgumentException("Cannot connect streams of different execution environments.");
        }
        this.environment = environment;
        this.inputStream1 = input1;
        this.inputStream2 = input2;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return inputStream1;
    }

    public BroadcastStream<IN2> getSecondInput() {
        return inputStream2;
    }

    public TypeInformation<IN1> getType1() {
        return inputStream1.getType();
    }

    public TypeInformation<IN2> getType2() {
        return inputStream2.getType();
    }

    /** Processes a keyed stream with the broadcast stream; the first input must be a {@link KeyedStream}. */
    public <KS, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
        return process(function, TypeExtractor.getUnaryOperatorReturnType(function,
                KeyedBroadcastProcessFunction.class, 1, 3, null,
                inputStream1.getTransformation().getOutputTypeUnchecked(), "Co-Process-Broadcast-Keyed"));
    }

    public <KS, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
            TypeInformation<OUT> outputType) {
        if (!(inputStream1 instanceof KeyedStream<IN1, ?> keyed)) {
            throw new InvalidProgramException("A KeyedBroadcastProcessFunction needs a keyed stream: call keyBy(...) "
                    + "before connect(broadcastStream), or use a BroadcastProcessFunction.");
        }
        TwoInputTransformation<IN1, IN2, OUT> t = transformation("Co-Process-Broadcast-Keyed", outputType,
                new KeyedBroadcastProcessDescription<>(function, inputStream2.getBroadcastStateDescriptors()));
        t.setStateKeySelectors(keyed.getKeySelector(), null, keyed.getKeyType());
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Processes an unkeyed stream with the broadcast stream. */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        return process(function, TypeExtractor.getUnaryOperatorReturnType(function, BroadcastProcessFunction.class,
                0, 2, null, inputStream1.getTransformation().getOutputTypeUnchecked(), "Co-Process-Broadcast"));
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function,
            TypeInformation<OUT> outputType) {
        if (inputStream1 instanceof KeyedStream) {
            throw new InvalidProgramException("A BroadcastProcessFunction works on an unkeyed stream; this one is "
                    + "keyed: use a KeyedBroadcastProcessFunction, which gets the keyed state.");
        }
        return new SingleOutputStreamOperator<>(environment, transformation("Co-Process-Broadcast", outputType,
                new BroadcastProcessDescription<>(function, inputStream2.getBroadcastStateDescriptors())));
    }

    private <OUT> TwoInputTransformation<IN1, IN2, OUT> transformation(String name, TypeInformation<OUT> outputType,
            OperatorDescription operator) {
        return new TwoInputTransformation<>(inputStream1.getTransformation(), inputStream2.getTransformation(), name,
                operator, outputType, environment.getParallelism());
    }
}
