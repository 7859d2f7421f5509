package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.transformations.AbstractMultipleInputTransformation;
import java.util.Objects;

/**
 * Turns a multiple-input transformation into a stream:
 * {@code new MultipleConnectedStreams(env).transform(transformation)} is the output of the operator
 * that reads all the transformation's inputs.
 */
public class MultipleConnectedStreams {
    protected final StreamExecutionEnvironment environment;

    public MultipleConnectedStreams(StreamExecutionEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The stream the operator of {@code transform} emits. */
    public <OUT> SingleOutputStreamOperator<OUT> transform(AbstractMultipleInputTransformation<OUT> transform) {
        if (transform.getInputs().isEmpty()) {
            throw new IllegalArgumentException("Multiple-input operator '" + transform.getName()
                    + "' has no inputs: call addInput(...) for each of its inputs before transform(...).");
        }
        return new SingleOutputStreamOperator<>(environment, transform);
    }
}
