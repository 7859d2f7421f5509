package io.weir.api.transformations;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.operators.StreamSource;
import io.weir.api.types.TypeInformation;
import java.util.List;
import java.util.Objects;

/**
 * A source that runs a {@code SourceFunction} through a {@link StreamSource} operator. Such sources
 * are unbounded as far as the runtime knows (a job with one runs in STREAMING mode), though the
 * function may end the stream by returning, unless the job declares one bounded (as
 * {@code fromParallelCollection} does): then it may run in BATCH mode.
 */
public final class FunctionSourceTransformation<T> extends Transformation<T> {
    private final StreamSource<T, ?> operator;
    private final Boundedness boundedness;

    public FunctionSourceTransformation(String name, StreamSource<T, ?> operator, TypeInformation<T> outputType,
            int parallelism) {
        this(name, operator, outputType, parallelism, Boundedness.CONTINUOUS_UNBOUNDED);
    }

    public FunctionSourceTransformation(String name, StreamSource<T, ?> operator, TypeInformation<T> outputType,
            int parallelism, Boundedness boundedness) {
        super(name, outputType, parallelism);
        this.operator = operator;
        this.boundedness = Objects.requireNonNull(boundedness, "boundedness");
    }

    public StreamSource<T, ?> getOperator() {
        return operator;
    }

    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
