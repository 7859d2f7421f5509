package io.weir.api.connector.source;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the records of the splits assigned to one subtask.
 *
 * <p>Threading: every method is called from the task's thread and must not block: {@link #pollNext}
 * returns {@link InputStatus#NOTHING_AVAILABLE} when there is nothing to read, and the task waits
 * for {@link #isAvailable()} before it asks again.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {
    void start();

    /** Emits at most a few records to {@code output} and says whether more are ready. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** Completes when {@link #pollNext} has something to emit (again). */
    CompletableFuture<Void> isAvailable();

    void addSplits(List<SplitT> splits);

    /** No split will be added any more. */
    void notifyNoMoreSplits();

    /**
     * The splits this reader holds, each with its progress, for checkpoint {@code checkpointId}: a
     * reader restored from the checkpoint gets them back through {@link #addSplits} and continues
     * where this one was. Called between two {@link #pollNext} calls.
     */
    List<SplitT> snapshotState(long checkpointId);

    /** Checkpoint {@code checkpointId} completed (for example: commit offsets to an external system). */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    void close() throws Exception;
}
