package io.weir.api.connector.source;

import java.util.List;

/**
 * Discovers splits and assigns them to readers.
 *
 * <p>Threading: all methods are called from one coordinator thread; an enumerator needs no locks.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {
    void start();

    /** Reader {@code subtaskId} asks for a split. */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /** Splits assigned to a failed reader come back for reassignment. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** A reader registered with the enumerator. */
    void addReader(int subtaskId);

    /**
     * The enumerator's state for checkpoint {@code checkpointId}: the splits not assigned yet (and
     * whatever else it needs to go on). Splits assigned before this call are in the readers' state.
     */
    CheckpointT snapshotState(long checkpointId) throws Exception;

    /** Checkpoint {@code checkpointId} completed. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    void close() throws Exception;
}
