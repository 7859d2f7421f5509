package io.weir.api.state;

/** Which checkpoint a {@code snapshotState} call is for. */
public interface FunctionSnapshotContext {
    /** The checkpoint's id: ids grow with every checkpoint of a job. */
    long getCheckpointId();

    /** When the checkpoint was triggered, in milliseconds since the epoch (the coordinator's clock). */
    long getCheckpointTimestamp();
}
