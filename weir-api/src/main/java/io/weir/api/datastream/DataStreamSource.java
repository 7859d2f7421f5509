package io.weir.api.datastream;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.transformations.FunctionSourceTransformation;
import io.weir.api.transformations.SourceTransformation;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    private final boolean parallel;

    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
        this.parallel = true;
    }

    /** A stream of a source function; a non-parallel one runs as one subtask. */
    public DataStreamSource(StreamExecutionEnvironment environment, FunctionSourceTransformation<T> transformation,
            boolean parallel) {
        super(environment, transformation);
        this.parallel = parallel;
        if (!parallel) {
            transformation.setParallelism(1);
        }
    }

    /** Whether the source may run as more than one subtask. */
    public boolean isParallel() {
        return parallel;
    }

    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        if (!parallel && parallelism != 1) {
            throw new InvalidProgramException("Source '" + getName() + "' is not parallel: it can only run with "
                    + "parallelism 1, not " + parallelism + ". Implement ParallelSourceFunction (or extend "
                    + "RichParallelSourceFunction) to run it in parallel, each subtask producing its own part.");
        }
        super.setParallelism(parallelism);
        return this;
    }
}
