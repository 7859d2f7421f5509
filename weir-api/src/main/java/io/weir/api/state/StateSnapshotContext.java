package io.weir.api.state;

/** The context {@code AbstractStreamOperator.snapshotState(StateSnapshotContext)} gets: which checkpoint it is for. */
public interface StateSnapshotContext extends FunctionSnapshotContext {}
