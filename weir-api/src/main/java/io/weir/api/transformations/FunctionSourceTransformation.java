package io.weir.api.transformations;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.operators.StreamSource;
import io.weir.api.types.TypeInformation;
import java.util.List;

/**
 * A source that runs a {@code SourceFunction} through a {@link StreamSource} operator. Such sources
 * are unbounded as far as the runtime knows (a job with one runs in STREAMING mode), though the
 * function may end the stream by returning.
 */
public final class FunctionSourceTransformation<T> extends Transformation<T> {
    private final StreamSource<T, ?> operator;

    public FunctionSourceTransformation(String name, StreamSource<T, ?> operator, TypeInformation<T> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.operator = operator;
    }

    public StreamSource<T, ?> getOperator() {
        return operator;
    }

    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
