package io.weir.api.connector.source.lib.util;

import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hands out a fixed set of splits, one per request, in order; answers "no more splits" once they
 * are gone. Splits of a failed reader go back to the front of the queue; a checkpoint holds the
 * splits not assigned yet. The enumerator of the bounded library sources (number sequences,
 * collections, generators) and of readers such as {@link IteratorSourceReader}; unlike Flink's, it
 * takes splits of any type, not only {@link IteratorSourceSplit}s.
 */
public final class IteratorSourceEnumerator<SplitT extends SourceSplit> implements SplitEnumerator<SplitT, Collection<SplitT>> {
    private final SplitEnumeratorContext<SplitT> context;
    private final ArrayDeque<SplitT> remaining;

    public IteratorSourceEnumerator(SplitEnumeratorContext<SplitT> context, Collection<SplitT> splits) {
        this.context = context;
        this.remaining = new ArrayDeque<>(splits);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        SplitT next = remaining.poll();
        if (next != null) {
            context.assignSplit(next, subtaskId);
        } else {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<SplitT> splits, int subtaskId) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            remaining.addFirst(splits.get(i));
        }
    }

    @Override
    public void addReader(int subtaskId) {}

    /** The splits not assigned yet, in order. */
    @Override
    public Collection<SplitT> snapshotState(long checkpointId) {
        return new ArrayList<>(remaining);
    }

    @Override
    public void close() {}
}
