package io.weir.api.functions;

/**
 * Aggregates values incrementally through an accumulator: create it, add each value, merge two
 * accumulators, and read the result.
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
