package io.weir.runtime.jobmaster;

import io.weir.api.accumulators.Accumulator;
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

    void sendEventToCoordinator(ExecutionAttemptId attempt, int operatorId, OperatorEvent event);

    CompletableFuture<Object> sendRequestToCoordinator(ExecutionAttemptId attempt, int operatorId, OperatorEvent request);
}
