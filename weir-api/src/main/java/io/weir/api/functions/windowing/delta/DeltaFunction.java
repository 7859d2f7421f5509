package io.weir.api.functions.windowing.delta;

import io.weir.api.functions.Function;

/** How far apart two data points are, for the {@code DeltaEvictor}. */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Function {
    double getDelta(DATA oldDataPoint, DATA newDataPoint);
}
