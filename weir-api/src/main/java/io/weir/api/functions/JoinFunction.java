package io.weir.api.functions;

/** Combines a pair of joined elements, one from each input, into one result. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}
