package io.weir.runtime.checkpoint;

/**
 * What a barrier asks the tasks to take: a checkpoint, which the job manages and restores from after
 * a failure, or a savepoint, which the user triggered and owns.
 *
 * <p>A savepoint that stops the job ({@link #SAVEPOINT_SUSPEND}, {@link #SAVEPOINT_TERMINATE}) is
 * <em>synchronous</em>: the sources emit nothing after its barrier, and every task ends once it is
 * told the savepoint completed, without ending its input, so the job's output stops exactly at the
 * savepoint. {@link #SAVEPOINT_TERMINATE} (stop with drain) first advances event time to the end, so
 * every event-time window and timer fires before the barrier.
 */
public enum SnapshotType {
    CHECKPOINT,
    SAVEPOINT,
    SAVEPOINT_SUSPEND,
    SAVEPOINT_TERMINATE;

    public boolean isSavepoint() {
        return this != CHECKPOINT;
    }

    /** Whether the job stops once the savepoint completes. */
    public boolean isSynchronous() {
        return this == SAVEPOINT_SUSPEND || this == SAVEPOINT_TERMINATE;
    }

    /**
     * Whether tasks are told when it completes, so sinks commit what they prepared for it. Checkpoints
     * and stopping savepoints commit; an intermediate savepoint does not (as in Flink since 1.15): the
     * job does not restore from it after a failure, so output committed for it could be written twice.
     */
    public boolean commitsSideEffects() {
        return this != SAVEPOINT;
    }
}
