package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The splits of a reader that reads one split at a time: those it was given and has not started,
 * and its side of the split-request protocol. When the reader has no split, {@link #awaitSplit()}
 * asks the enumerator for one (once, or — for a reader of a continuously monitored source — again
 * every request interval while nothing comes) and the reader's availability future completes when
 * splits or the end arrive.
 *
 * <p>A reader delegates {@code addSplits}, {@code notifyNoMoreSplits}, {@code isAvailable} and
 * {@code snapshotState} here and keeps only its current split's reading.
 *
 * <p>Threading: the task's thread; the availability future may complete on a timer thread.
 */
public final class SplitQueue<SplitT extends SourceSplit> {
    private final SourceReaderContext context;
    private final long requestIntervalMillis;
    private final ArrayDeque<SplitT> splits = new ArrayDeque<>();
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private boolean requested;
    private long requestedAtNanos;
    private boolean noMoreSplits;

    /** A queue that asks the enumerator once per split it needs. */
    public SplitQueue(SourceReaderContext context) {
        this(context, 0);
    }

    /**
     * @param requestIntervalMillis how often to ask again while no split comes (a continuous
     *     source whose enumerator answers only when it has found new splits), or 0 to ask once
     */
    public SplitQueue(SourceReaderContext context, long requestIntervalMillis) {
        this.context = context;
        this.requestIntervalMillis = requestIntervalMillis;
    }

    /** The next split to read, or null when there is none at hand. */
    public SplitT poll() {
        return splits.poll();
    }

    /**
     * What a reader's {@code pollNext} returns when {@link #poll()} gave nothing: the end of input
     * once the enumerator said there are no more splits; otherwise nothing available, after asking
     * the enumerator for a split unless a request is still outstanding.
     */
    public InputStatus awaitSplit() {
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        if (!requested || (requestIntervalMillis > 0
                && System.nanoTime() - requestedAtNanos >= TimeUnit.MILLISECONDS.toNanos(requestIntervalMillis))) {
            requestSplit();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    private void requestSplit() {
        requested = true;
        requestedAtNanos = System.nanoTime();
        available = new CompletableFuture<>();
        context.sendSplitRequest();
        if (requestIntervalMillis > 0) {
            CompletableFuture<Void> toComplete = available;
            CompletableFuture.delayedExecutor(requestIntervalMillis, TimeUnit.MILLISECONDS)
                    .execute(() -> toComplete.complete(null));
        }
    }

    /** Completes when the reader should poll again: splits or the end arrived, or it is time to ask again. */
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    /** Splits the enumerator assigned (or a restored reader got back from its state). */
    public void add(List<SplitT> newSplits) {
        splits.addAll(newSplits);
        requested = false;
        available.complete(null);
    }

    /** The enumerator will assign no more splits: the reader ends once it has read those it has. */
    public void noMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    /**
     * A reader's checkpointed state: its current split as positioned now (or null if it reads
     * none), then the splits not started.
     */
    public List<SplitT> snapshot(SplitT currentAtPosition) {
        List<SplitT> state = new ArrayList<>(splits.size() + 1);
        if (currentAtPosition != null) {
            state.add(currentAtPosition);
        }
        state.addAll(splits);
        return state;
    }
}
