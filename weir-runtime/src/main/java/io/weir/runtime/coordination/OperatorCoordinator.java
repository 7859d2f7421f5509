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
     * The coordinator's state as of checkpoint {@code checkpointId}, or {@code null} if it has
     * none; taken when the checkpoint is triggered, before the sources get the barrier.
     */
    default byte[] checkpointCoordinator(long checkpointId) throws Exception {
        return null;
    }

    /**
     * Restores the state {@link #checkpointCoordinator} returned for checkpoint {@code checkpointId};
     * called before {@link #start} when the job starts from a checkpoint or savepoint.
     */
    default void resetToCheckpoint(long checkpointId, byte[] checkpointData) throws Exception {}

    /** Checkpoint {@code checkpointId} completed. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /**
     * Subtask {@code subtask} failed and is restored alone from checkpoint {@code checkpointId}
     * (the rest of the job keeps running): what the coordinator gave it since then must be given again.
     */
    default void subtaskReset(int subtask, long checkpointId) throws Exception {}

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
