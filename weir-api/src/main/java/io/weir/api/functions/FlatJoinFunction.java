package io.weir.api.functions;

/** Combines a pair of joined elements, one from each input, into zero or more results. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
