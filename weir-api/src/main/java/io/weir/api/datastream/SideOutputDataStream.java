package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.transformations.SideOutputTransformation;

/**
 * The records an operator emits to one side output ({@link SingleOutputStreamOperator#getSideOutput}).
 * It runs no operator of its own, so it has none of the operator settings; it can be transformed
 * and sunk like any stream.
 */
public class SideOutputDataStream<T> extends DataStream<T> {
    public SideOutputDataStream(StreamExecutionEnvironment environment, SideOutputTransformation<T> transformation) {
        super(environment, transformation);
    }
}
