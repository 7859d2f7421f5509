package io.weir.runtime.exchange;

import io.weir.api.execution.JobID;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking results written by the producer subtasks of one TaskManager (or of a whole
 * MiniCluster), kept until their job ends, and replayed to consumers on request.
 *
 * <p>Threading: safe for concurrent use. Each replay runs on a thread of its own (a daemon of a cached
 * pool), since it waits for its consumer to read.
 */
public final class BlockingResults {
    private static final Logger LOG = LoggerFactory.getLogger(BlockingResults.class);
    /** Buffers a replay may have in flight per consumer channel. */
    private static final int REPLAY_BUFFERS = 4;

    private final Map<ResultKey, BlockingSubpartition> results = new ConcurrentHashMap<>();
    private final Path spillDirectory;
    private final ExecutorService replays = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "weir-blocking-result-replay");
        t.setDaemon(true);
        return t;
    });

    public BlockingResults() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public BlockingResults(Path spillDirectory) {
        this.spillDirectory = spillDirectory;
    }

    /**
     * A new, empty subpartition for the producer to write; it replaces (and releases) what an earlier
     * attempt of the same producer wrote.
     */
    public BlockingSubpartition create(ResultKey key, int channel, BlockingMemory memory) {
        BlockingSubpartition created = new BlockingSubpartition(key, channel, memory, spillDirectory);
        BlockingSubpartition previous = results.put(key, created);
        if (previous != null) {
            previous.release();
        }
        return created;
    }

    /**
     * Starts sending the finished subpartition {@code key} to {@code target}, in buffers of
     * {@code bufferSize} bytes, on a replay thread. A replay that fails (the consumer went away) fails
     * the consumer's queue when it can, else is logged: the consumer's task fails or is cancelled.
     *
     * @throws IllegalStateException at once if this TaskManager holds no finished result {@code key}
     *     (it was lost with a restarted TaskManager, or its producer has not finished)
     */
    public void replay(ResultKey key, BufferReceiver target, int bufferSize) {
        BlockingSubpartition result = results.get(key);
        if (result == null || !result.isFinished()) {
            throw new IllegalStateException("No finished blocking result of producer subtask " + key.producerSubtask()
                    + " on edge " + key.edgeId() + " for consumer subtask " + key.consumerSubtask() + " of job "
                    + key.jobId() + " is kept here" + (result == null ? "" : " (its producer has not finished)"));
        }
        replays.execute(() -> {
            try {
                result.replay(target, new BufferPool(REPLAY_BUFFERS, bufferSize));
            } catch (Exception | Error e) {
                LOG.warn("Could not send blocking result {} to its consumer", key, e);
                if (target instanceof InputQueue queue) {
                    queue.fail(new IllegalStateException("Reading the blocking result of producer subtask "
                            + key.producerSubtask() + " failed: " + e, e));
                }
            }
        });
    }

    /** The subpartition {@code key}, or {@code null} (for tests). */
    public BlockingSubpartition get(ResultKey key) {
        return results.get(key);
    }

    /** Releases the results of a job that ended, deleting their files. */
    public void release(JobID jobId) {
        results.entrySet().removeIf(e -> {
            if (e.getKey().jobId().equals(jobId)) {
                e.getValue().release();
                return true;
            }
            return false;
        });
    }

    /** How many subpartitions are kept (for tests). */
    public int size() {
        return results.size();
    }
}
