package io.weir.api.functions;

/**
 * Turns each element of either input of a connected stream into any number of output elements:
 * {@link #flatMap1} for the first input, {@link #flatMap2} for the second, on one shared instance.
 */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
