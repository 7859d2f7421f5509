package io.weir.api.functions;

/**
 * Gets, for one key and one window, all elements of the first input and all of the second (either
 * group may be empty, but not both) and emits zero or more results.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
