package io.weir.runtime.checkpoint;

/**
 * Marks the point in a stream that belongs to checkpoint {@code id}: every record before it is
 * reflected in the checkpoint's state, every record after it is not. Sources emit it between two
 * records; it travels in-band, in order with the records, through every exchange — unless it is
 * <em>unaligned</em>: then it overtakes the buffers queued before it, which the checkpoint keeps as
 * in-flight data instead, and tasks take their snapshot at its first arrival without aligning.
 *
 * @param id the checkpoint's id, increasing within a job (savepoints take ids from the same sequence)
 * @param timestamp when the coordinator triggered the checkpoint (epoch millis)
 * @param type a checkpoint or which kind of savepoint
 * @param targetLocation the directory a savepoint's state is written to; {@code null} for checkpoints
 * @param unaligned whether it overtakes in-flight data (only checkpoints, never savepoints)
 * @param endsJob whether it is the job's final checkpoint: triggered once every task had reported the end
 *     of its data, so every task takes it directly (none travels in-band) and ends once it completed
 */
public record CheckpointBarrier(long id, long timestamp, SnapshotType type, String targetLocation, boolean unaligned,
        boolean endsJob) implements java.io.Serializable {

    public CheckpointBarrier {
        if (type.isSavepoint() == (targetLocation == null)) {
            throw new IllegalArgumentException("A savepoint barrier needs a target location, a checkpoint barrier none");
        }
        if (unaligned && type.isSavepoint()) {
            throw new IllegalArgumentException("Savepoints are always aligned");
        }
        if (endsJob && type != SnapshotType.CHECKPOINT) {
            throw new IllegalArgumentException("Only a checkpoint ends a job whose tasks all ended their data");
        }
    }

    public CheckpointBarrier(long id, long timestamp, SnapshotType type, String targetLocation, boolean unaligned) {
        this(id, timestamp, type, targetLocation, unaligned, false);
    }

    public CheckpointBarrier(long id, long timestamp, SnapshotType type, String targetLocation) {
        this(id, timestamp, type, targetLocation, false);
    }

    /** An aligned checkpoint's barrier. */
    public CheckpointBarrier(long id, long timestamp) {
        this(id, timestamp, SnapshotType.CHECKPOINT, null, false);
    }

    public boolean isSavepoint() {
        return type.isSavepoint();
    }

    /** The same checkpoint's barrier, unaligned: a task whose alignment timed out sends this one on. */
    public CheckpointBarrier asUnaligned() {
        return unaligned ? this : new CheckpointBarrier(id, timestamp, type, targetLocation, true, endsJob);
    }

    /**
     * Whether a task may stop aligning this barrier after {@code execution.checkpointing.aligned-checkpoint-timeout}
     * and go on unaligned: an aligned checkpoint's barrier (savepoints always stay aligned).
     */
    public boolean mayTimeOut() {
        return !unaligned && type == SnapshotType.CHECKPOINT;
    }
}
