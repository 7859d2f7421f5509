package io.weir.runtime.exchange;

import io.weir.api.execution.JobID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects producer and consumer subtasks inside one JVM: buffers are handed over without a socket.
 * Producer and consumer look up the same {@link InputQueue}, whichever starts first creates it.
 *
 * <p>Threading: safe for concurrent use.
 */
public final class LocalExchange implements DataExchange {
    private final ConcurrentHashMap<ExchangeKey, InputQueue> queues = new ConcurrentHashMap<>();
    private final BlockingResults blockingResults = new BlockingResults();

    @Override
    public InputQueue inputQueue(ExchangeKey key) {
        return queues.computeIfAbsent(key, k -> new InputQueue());
    }

    /** In one JVM, a producer pushes straight into its consumer's queue. */
    @Override
    public BufferReceiver receiver(ExchangeKey key, int channel) {
        return inputQueue(key);
    }

    @Override
    public BufferReceiver blockingResult(ResultKey key, int channel, BlockingMemory memory) {
        return blockingResults.create(key, channel, memory);
    }

    /** In one JVM every consumer is local: {@code consumerTaskExecutor} does not matter. */
    @Override
    public void sendBlockingResult(ResultKey key, ExchangeKey consumer, String consumerTaskExecutor, int bufferSize) {
        replay(key, inputQueue(consumer), bufferSize);
    }

    /** Sends the finished blocking result {@code key} kept here to {@code target} (see {@link BlockingResults#replay}). */
    public void replay(ResultKey key, BufferReceiver target, int bufferSize) {
        blockingResults.replay(key, target, bufferSize);
    }

    /** The blocking results kept here (for tests). */
    public BlockingResults blockingResults() {
        return blockingResults;
    }

    /** Drops the queues and blocking results of a job that ended, returning any buffers still queued. */
    @Override
    public void release(JobID jobId) {
        blockingResults.release(jobId);
        queues.entrySet().removeIf(e -> {
            if (e.getKey().jobId().equals(jobId)) {
                e.getValue().releaseAll();
                return true;
            }
            return false;
        });
    }
}
