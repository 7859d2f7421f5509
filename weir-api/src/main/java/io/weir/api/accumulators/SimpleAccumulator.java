package io.weir.api.accumulators;

import java.io.Serializable;

/** An accumulator whose result has the type of the values added (counters, averages). */
public interface SimpleAccumulator<T extends Serializable> extends Accumulator<T, T> {}
