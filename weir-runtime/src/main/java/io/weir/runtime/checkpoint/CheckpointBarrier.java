package io.weir.runtime.checkpoint;

/**
 * Marks the point in a stream that belongs to checkpoint {@code id}: every record before it is
 * reflected in the checkpoint's state, every record after it is not. Sources emit it between two
 * records; it travels in-band, in order with the records, through every exchange.
 *
 * @param id the checkpoint's id, increasing within a job (savepoints take ids from the same sequence)
 * @param timestamp when the coordinator triggered the checkpoint (epoch millis)
 * @param type a checkpoint or which kind of savepoint
 * @param targetLocation the directory a savepoint's state is written to; {@code null} for checkpoints
 */
public record CheckpointBarrier(long id, long timestamp, SnapshotType type, String targetLocation) {

    public CheckpointBarrier {
        if (type.isSavepoint() == (targetLocation == null)) {
            throw new IllegalArgumentException("A savepoint barrier needs a target location, a checkpoint barrier none");
        }
    }

    /** A checkpoint's barrier. */
    public CheckpointBarrier(long id, long timestamp) {
        this(id, timestamp, SnapshotType.CHECKPOINT, null);
    }

    public boolean isSavepoint() {
        return type.isSavepoint();
    }
}
