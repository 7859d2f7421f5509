package io.weir.runtime.checkpoint;

/**
 * How one subtask took its part of a checkpoint, sent with its acknowledgement and shown per
 * subtask in the checkpoint details (Flink's {@code checkpoint.sync}, {@code checkpoint.async},
 * {@code alignment.duration} and {@code start_delay}).
 *
 * @param syncDurationMillis the snapshot on the task's thread (the task processes nothing meanwhile)
 * @param asyncDurationMillis writing the snapshot to checkpoint storage, off the task's thread
 * @param alignmentDurationMillis from the first barrier to the last (0 for sources, unaligned and
 *     at-least-once checkpoints)
 * @param startDelayMillis from the trigger to the first barrier reaching the task (wall clocks of the
 *     JobManager and the task; never negative)
 * @param unaligned whether the subtask took an unaligned snapshot (with in-flight data)
 */
public record CheckpointMetrics(long syncDurationMillis, long asyncDurationMillis, long alignmentDurationMillis,
        long startDelayMillis, boolean unaligned) implements java.io.Serializable {

    /** For an acknowledgement whose timings are not known. */
    public static final CheckpointMetrics UNKNOWN = new CheckpointMetrics(0, 0, 0, 0, false);

    /** The same with the asynchronous part's duration. */
    public CheckpointMetrics withAsyncDuration(long millis) {
        return new CheckpointMetrics(syncDurationMillis, millis, alignmentDurationMillis, startDelayMillis, unaligned);
    }
}
