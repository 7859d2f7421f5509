package io.weir.runtime.exchange;

import io.weir.api.execution.JobID;

/**
 * How the tasks of one TaskManager reach each other: a consumer reads its {@link InputQueue},
 * which is always in its own JVM; a producer writes to a {@link BufferReceiver} per consumer
 * subtask, which is that queue when the consumer runs in the same JVM ({@link LocalExchange}) and
 * a network channel to it otherwise (the cluster's data plane).
 *
 * <p>Threading: safe for concurrent use by the task threads.
 */
public interface DataExchange {
    /** The queue a consumer subtask reads; whichever of producer and consumer comes first creates it. */
    InputQueue inputQueue(ExchangeKey key);

    /**
     * Where a producer hands its buffers for the consumer subtask {@code key}, on which they arrive
     * as input channel {@code channel}.
     */
    BufferReceiver receiver(ExchangeKey key, int channel);

    /**
     * Where a producer hands its buffers for consumer subtask {@code key.consumerSubtask()} on a
     * blocking exchange: they are kept in this exchange (heap within {@code memory}, then a local file)
     * until {@link #sendBlockingResult} sends them, once the producer finished, as input channel
     * {@code channel} of the consumer.
     */
    BufferReceiver blockingResult(ResultKey key, int channel, BlockingMemory memory);

    /**
     * Sends the finished blocking result {@code key}, kept in this exchange, to the input queue of
     * {@code consumer}, which runs in the task executor {@code consumerTaskExecutor} ({@code null}: in
     * this one), in buffers of {@code bufferSize} bytes. Returns at once; the sending goes on in the
     * background.
     *
     * @throws IllegalStateException if no finished result {@code key} is kept here
     */
    void sendBlockingResult(ResultKey key, ExchangeKey consumer, String consumerTaskExecutor, int bufferSize);

    /**
     * Called by the TaskExecutor before the task of {@code deployment} starts: an exchange between
     * TaskManagers learns from it where the job's consumers run. Does nothing in one JVM.
     */
    default void prepare(io.weir.runtime.task.TaskDeployment deployment) {}

    /**
     * Drops the queues, channels and blocking results of a job that ended, returning any buffers still
     * queued and deleting the results' files.
     */
    void release(JobID jobId);
}
