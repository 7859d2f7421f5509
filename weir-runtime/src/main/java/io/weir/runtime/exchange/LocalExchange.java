package io.weir.runtime.exchange;

import io.weir.api.execution.JobID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects producer and consumer subtasks inside one JVM: buffers are handed over without a socket.
 * Producer and consumer look up the same {@link InputQueue}, whichever starts first creates it.
 *
 * <p>Threading: safe for concurrent use.
 */
public final class LocalExchange {
    private final ConcurrentHashMap<ExchangeKey, InputQueue> queues = new ConcurrentHashMap<>();

    public InputQueue queue(ExchangeKey key) {
        return queues.computeIfAbsent(key, k -> new InputQueue());
    }

    /** Drops the queues of a job that ended, returning any buffers still queued. */
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
