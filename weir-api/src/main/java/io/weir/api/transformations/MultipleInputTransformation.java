package io.weir.api.transformations;

import io.weir.api.operators.StreamOperatorFactory;
import io.weir.api.types.TypeInformation;
import java.util.Objects;

/**
 * A non-keyed operator with any number of inputs; add them with {@link #addInput}, in the order
 * of the operator's {@code getInputs()}. Register it with {@code env.addOperator(...)} and turn it
 * into a stream with {@code new MultipleConnectedStreams(env).transform(...)}.
 */
public final class MultipleInputTransformation<OUT> extends AbstractMultipleInputTransformation<OUT> {
    public MultipleInputTransformation(String name, StreamOperatorFactory<OUT> operatorFactory,
            TypeInformation<OUT> outputType, int parallelism) {
        super(name, operatorFactory, outputType, parallelism);
    }

    /** Adds the next input: the first call adds input 1, the next input 2, and so on. */
    public MultipleInputTransformation<OUT> addInput(Transformation<?> input) {
        inputs.add(Objects.requireNonNull(input, "input"));
        return this;
    }
}
