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

    @Override
    public InputQueue inputQueue(ExchangeKey key) {
        return queues.computeIfAbsent(key, k -> new InputQueue());
    }

    /** In one JVM, a producer pushes straight into its consumer's queue. */
    @Override
    public BufferReceiver receiver(ExchangeKey key, int channel) {
        return inputQueue(key);
    }

    /** Drops the queues of a job that ended, returning any buffers still queued. */
    @Override
    public void release(JobID jobId) {
        queues.entrySet().removeIf(e -> {
            if (e.getKey().jobId().equals(jobId)) {
                e.getValue().releaseAll();
                return true;
            }
            return false;
        });
    }
}
