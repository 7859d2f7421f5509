package io.weir.runtime.jobmaster;

import io.weir.api.accumulators.Accumulator;
import io.weir.runtime.checkpoint.CheckpointMetrics;
import io.weir.runtime.checkpoint.TaskStateHandle;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.task.StreamTask;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What task executors can call on a JobMaster. */
public interface JobMasterGateway {
    /** A task reached a terminal state. */
    void taskEnded(ExecutionAttemptId attempt, StreamTask.Outcome outcome, Throwable failure);

    /**
     * Copies of a task's accumulators, replacing its earlier report; a task's last report comes
     * before {@link #taskEnded}.
     */
    void reportAccumulators(ExecutionAttemptId attempt, Map<String, Accumulator<?, ?>> accumulators);

    /** A task took its part of a checkpoint; its state is at {@code state} ({@code null} if it has none). */
    void acknowledgeCheckpoint(ExecutionAttemptId attempt, long checkpointId, TaskStateHandle state,
            CheckpointMetrics metrics);

    /**
     * A task's input ended and its operators finished; with checkpointing it now waits for the job's
     * final checkpoint, taking every checkpoint sent to it directly.
     */
    void notifyEndOfData(ExecutionAttemptId attempt);

    /** A task could not take its part of a checkpoint. */
    void declineCheckpoint(ExecutionAttemptId attempt, long checkpointId, String reason);

    void sendEventToCoordinator(ExecutionAttemptId attempt, int operatorId, OperatorEvent event);

    CompletableFuture<Object> sendRequestToCoordinator(ExecutionAttemptId attempt, int operatorId, OperatorEvent request);
}
