package io.weir.runtime.taskexecutor;

import io.weir.api.execution.JobID;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.ResultKey;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.jobmaster.ExecutionAttemptId;
import io.weir.runtime.jobmaster.JobMasterGateway;
import io.weir.runtime.task.TaskDeployment;
import java.util.concurrent.CompletableFuture;

/** What a JobMaster can call on a task executor. */
public interface TaskExecutorGateway {
    String id();

    CompletableFuture<Void> submitTask(TaskDeployment deployment, ExecutionAttemptId attempt, JobMasterGateway jobMaster);

    void cancelTask(ExecutionAttemptId attempt);

    /**
     * Asks a source task, or a task whose data ended, to take its part of a checkpoint; a source
     * that still reads emits the barrier.
     */
    void triggerCheckpoint(ExecutionAttemptId attempt, CheckpointBarrier barrier);

    void notifyCheckpointComplete(ExecutionAttemptId attempt, long checkpointId);

    void notifyCheckpointAborted(ExecutionAttemptId attempt, long checkpointId);

    void sendOperatorEvent(ExecutionAttemptId attempt, int operatorId, OperatorEvent event);

    /**
     * Sends the finished blocking result {@code key}, which a producer subtask wrote in this task
     * executor, to {@code consumer} in task executor {@code consumerTaskExecutor}, in buffers of
     * {@code bufferSize} bytes. Completes once the sending started; fails if no such result is kept
     * here.
     */
    CompletableFuture<Void> sendBlockingResult(ResultKey key, ExchangeKey consumer, String consumerTaskExecutor,
            int bufferSize);

    /** The job ended: drop what this task executor kept for it (metrics, exchange queues and channels). */
    void releaseJob(JobID jobId);
}
