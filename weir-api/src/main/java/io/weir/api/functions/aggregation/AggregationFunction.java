package io.weir.api.functions.aggregation;

import io.weir.api.functions.ReduceFunction;

/** The built-in rolling aggregations of a keyed stream: sum, min, max, minBy, maxBy. */
public abstract class AggregationFunction<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    /** Which aggregation a {@link ComparableAggregator} computes. */
    public enum AggregationType {
        SUM, MIN, MAX, MINBY, MAXBY
    }
}
