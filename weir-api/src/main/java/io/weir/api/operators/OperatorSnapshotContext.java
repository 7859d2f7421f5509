package io.weir.api.operators;

import io.weir.api.state.StateSnapshotContext;

/** The {@link StateSnapshotContext} of one checkpoint, as an {@link AbstractStreamOperator} hands it on. */
record OperatorSnapshotContext(long checkpointId, long timestamp) implements StateSnapshotContext {
    @Override
    public long getCheckpointId() {
        return checkpointId;
    }

    @Override
    public long getCheckpointTimestamp() {
        return timestamp;
    }
}
