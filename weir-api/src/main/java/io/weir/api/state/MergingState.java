package io.weir.api.state;

/** An {@link AppendingState} whose contents can be merged (used by merging windows). */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
