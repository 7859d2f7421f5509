package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.transformations.SourceTransformation;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
    }
}
