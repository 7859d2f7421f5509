package io.weir.runtime.coordination;

import java.io.Serializable;

/**
 * The JobMaster-side part of an operator (for example a source's split enumerator).
 *
 * <p>Threading: all methods are called from the JobMaster's main thread, so a coordinator needs
 * no locks.
 */
public interface OperatorCoordinator extends AutoCloseable {
    void start() throws Exception;

    /** An event from subtask {@code subtask} of the operator. */
    void handleEventFromOperator(int subtask, OperatorEvent event) throws Exception;

    /** A request from a subtask; the answer completes the returned future (possibly later). */
    default java.util.concurrent.CompletableFuture<Object> handleRequestFromOperator(int subtask, OperatorEvent request)
            throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no requests: " + request);
    }

    /**
     * Checkpoint {@code checkpointId} starts: returns the coordinator's state to store with it, or
     * {@code null} if it keeps none. Called just before the operator's subtasks are asked to take
     * their part, so events the coordinator sent before reach them before the barrier.
     */
    default byte[] checkpointCoordinator(long checkpointId) throws Exception {
        return null;
    }

    /**
     * Called on a coordinator created for a restarted job, before {@link #start()}: restores the
     * state it returned for checkpoint {@code checkpointId}.
     */
    default void resetToCheckpoint(long checkpointId, byte[] checkpointData) throws Exception {}

    /** Checkpoint {@code checkpointId} completed. */
    default void notifyCheckpointComplete(long checkpointId) {}

    /** The job reached a terminal state; pending answers should complete. */
    default void jobEnded(Throwable failure) {}

    @Override
    void close() throws Exception;

    /** Creates the coordinator when the job starts. */
    interface Provider extends Serializable {
        OperatorCoordinator create(Context context) throws Exception;
    }

    /** What a coordinator can do: reach the operator's subtasks. */
    interface Context {
        int currentParallelism();

        SubtaskGateway subtasks();

        /** Fails the whole job (for example when an enumerator throws). */
        void failJob(Throwable cause);
    }
}
