package io.weir.api.state;

/** A value per key that each added value is reduced into with a {@link io.weir.api.functions.ReduceFunction}. */
public interface ReducingState<T> extends MergingState<T, T> {}
