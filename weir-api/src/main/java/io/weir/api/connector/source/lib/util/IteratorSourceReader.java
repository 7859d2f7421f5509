package io.weir.api.connector.source.lib.util;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads {@link IteratorSourceSplit}s one after another, emitting what each split's iterator returns.
 * Asks its enumerator (an {@link IteratorSourceEnumerator}) for the next split once it has none
 * left, and ends when the enumerator says there are no more. A checkpoint holds the split being
 * read, as the split of what its iterator has not returned yet, then the splits not started.
 *
 * <p>Threading: used by the task's thread only; the availability future completes on it too
 * (when splits or "no more splits" arrive).
 *
 * @param <E> the records
 * @param <IterT> the iterator of a split
 * @param <SplitT> the split type
 */
public class IteratorSourceReader<E, IterT extends Iterator<E>, SplitT extends IteratorSourceSplit<E, IterT>>
        implements SourceReader<E, SplitT> {
    /** Records emitted per {@link #pollNext} call at most, so the task gets back to its mailbox. */
    private static final int RECORDS_PER_POLL = 256;

    private final SourceReaderContext context;
    private final ArrayDeque<SplitT> splits = new ArrayDeque<>();
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private SplitT currentSplit;
    private IterT iterator;
    private boolean requested;
    private boolean noMoreSplits;

    public IteratorSourceReader(SourceReaderContext context) {
        this.context = context;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<E> output) {
        if (iterator == null || !iterator.hasNext()) {
            if (!nextSplit()) {
                return noSplit();
            }
        }
        for (int i = 0; i < RECORDS_PER_POLL && iterator.hasNext(); i++) {
            output.collect(iterator.next());
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Moves to the next split with records; false if there is none now. */
    private boolean nextSplit() {
        while (true) {
            currentSplit = splits.poll();
            if (currentSplit == null) {
                iterator = null;
                return false;
            }
            iterator = currentSplit.getIterator();
            if (iterator.hasNext()) {
                return true;
            }
        }
    }

    private InputStatus noSplit() {
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        if (!requested) {
            requested = true;
            available = new CompletableFuture<>();
            context.sendSplitRequest();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<SplitT> newSplits) {
        splits.addAll(newSplits);
        requested = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    /** The rest of the split being read, then the splits not started: a restored reader emits exactly what this one had not. */
    @Override
    @SuppressWarnings("unchecked")
    public List<SplitT> snapshotState(long checkpointId) {
        List<SplitT> state = new ArrayList<>(splits.size() + 1);
        if (iterator != null && iterator.hasNext()) {
            state.add((SplitT) currentSplit.getUpdatedSplitForIterator(iterator));
        }
        state.addAll(splits);
        return state;
    }

    @Override
    public void close() {}
}
