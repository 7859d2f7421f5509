package io.weir.api.state;

/** An accumulator per key driven by an {@link io.weir.api.functions.AggregateFunction}. */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
