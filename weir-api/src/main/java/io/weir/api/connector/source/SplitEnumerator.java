package io.weir.api.connector.source;

import io.weir.api.state.CheckpointListener;
import java.util.List;

/**
 * Discovers splits and assigns them to readers.
 *
 * <p>Threading: all methods are called from one coordinator thread; an enumerator needs no locks.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable, CheckpointListener {
    void start();

    /** Reader {@code subtaskId} asks for a split. */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /** Splits assigned to a failed reader come back for reassignment. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** A reader registered with the enumerator. */
    void addReader(int subtaskId);

    /**
     * The enumerator's state as of checkpoint {@code checkpointId} (for example the splits not
     * assigned yet), written with the source's {@code getEnumeratorCheckpointSerializer()} and given
     * to {@code Source.restoreEnumerator} after a restore.
     */
    CheckpointT snapshotState(long checkpointId) throws Exception;

    /** Checkpoint {@code checkpointId} completed. */
    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    void close() throws Exception;
}
