package io.weir.api.state;

/**
 * Learns when a checkpoint the operator or function took part in completed or was given up: the
 * place to commit side effects that must only become visible once the state they depend on is
 * safe (a transaction, a file rename, an acknowledgement to an external queue).
 *
 * <p>Threading: called on the task's thread, never at the same time as element processing. A
 * notification may be lost (after a failure) or arrive for a checkpoint later than a newer one's;
 * completing checkpoint {@code n} subsumes every earlier one, so act on everything up to {@code n}.
 */
public interface CheckpointListener {
    /** Checkpoint {@code checkpointId} completed: every task acknowledged it and it is stored. */
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    /** Checkpoint {@code checkpointId} was given up; it will never complete. Does nothing unless overridden. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
