package io.weir.api.connector.source;

import io.weir.api.state.CheckpointListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the records of the splits assigned to one subtask.
 *
 * <p>Threading: every method is called from the task's thread and must not block: {@link #pollNext}
 * returns {@link InputStatus#NOTHING_AVAILABLE} when there is nothing to read, and the task waits
 * for {@link #isAvailable()} before it asks again.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable, CheckpointListener {
    void start();

    /** Emits at most a few records to {@code output} and says whether more are ready. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** Completes when {@link #pollNext} has something to emit (again). */
    CompletableFuture<Void> isAvailable();

    void addSplits(List<SplitT> splits);

    /** No split will be added any more. */
    void notifyNoMoreSplits();

    /**
     * The splits this reader holds as of checkpoint {@code checkpointId}, each with the position
     * it has read to: after a restore they are given back to a new reader through
     * {@link #addSplits}, which continues from those positions. Called between two
     * {@link #pollNext} calls, on the task's thread.
     */
    List<SplitT> snapshotState(long checkpointId);

    /** Checkpoint {@code checkpointId} completed (for example: commit offsets to the external system). */
    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    void close() throws Exception;
}
