package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReaderContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads {@link NumberSequenceSplit}s and emits one record per index, made by {@link #record(long)},
 * through the split's own output (so each split has its own watermark generator).
 * Asks the enumerator for one split at a time. An optional pace (records per second for this
 * reader) is kept without blocking: when ahead, the reader says NOTHING_AVAILABLE and becomes
 * available again when the next record is due. An optional gate (records per checkpoint for this
 * reader) lets that many records out, then says NOTHING_AVAILABLE until a checkpoint completes.
 *
 * <p>Threading: used by the task's thread only; availability futures may complete on a timer thread.
 */
public abstract class IndexedSourceReader<T> implements SourceReader<T, NumberSequenceSplit> {
    private static final int BATCH = 512;

    private final SourceReaderContext context;
    private final double recordsPerSecond;
    private final long recordsPerCheckpoint;
    private long emittedSinceCheckpoint;
    private final ArrayDeque<NumberSequenceSplit> splits = new ArrayDeque<>();
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private boolean requested;
    private boolean noMoreSplits;
    private long next;
    private long end = -1;
    private boolean inSplit;
    private String splitId;
    private SourceOutput<T> splitOutput;
    private long emitted;
    private long startNanos;

    /** @param recordsPerSecond this reader's pace, or a value <= 0 for as fast as possible */
    protected IndexedSourceReader(SourceReaderContext context, double recordsPerSecond) {
        this(context, recordsPerSecond, 0);
    }

    /**
     * @param recordsPerSecond this reader's pace, or a value <= 0 for as fast as possible
     * @param recordsPerCheckpoint the records this reader emits before the first and between two
     *     completed checkpoints, or 0 for no such gate
     */
    protected IndexedSourceReader(SourceReaderContext context, double recordsPerSecond, long recordsPerCheckpoint) {
        this.context = context;
        this.recordsPerSecond = recordsPerSecond;
        this.recordsPerCheckpoint = recordsPerCheckpoint;
    }

    /** The record for one index. */
    protected abstract T record(long index) throws Exception;

    @Override
    public void start() {
        startNanos = System.nanoTime();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (!inSplit && !nextSplit()) {
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
        if (splitOutput == null) {
            splitOutput = output.createOutputForSplit(splitId);
        }
        long limit = Math.min(end, next + BATCH - 1);
        if (recordsPerSecond > 0) {
            long due = (long) ((System.nanoTime() - startNanos) / 1e9 * recordsPerSecond) + 1 - emitted;
            if (due <= 0) {
                long waitNanos = (long) ((emitted + 1) / recordsPerSecond * 1e9) - (System.nanoTime() - startNanos);
                available = new CompletableFuture<>();
                CompletableFuture<Void> toComplete = available;
                CompletableFuture.delayedExecutor(Math.max(waitNanos, 1000), java.util.concurrent.TimeUnit.NANOSECONDS)
                        .execute(() -> toComplete.complete(null));
                return InputStatus.NOTHING_AVAILABLE;
            }
            limit = Math.min(limit, next + due - 1);
        }
        if (recordsPerCheckpoint > 0) {
            long left = recordsPerCheckpoint - emittedSinceCheckpoint;
            if (left <= 0) {
                if (available.isDone()) {
                    available = new CompletableFuture<>();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
            limit = Math.min(limit, next + left - 1);
            emittedSinceCheckpoint += limit - next + 1;
        }
        for (long i = next; i <= limit; i++) {
            splitOutput.collect(record(i));
        }
        emitted += limit - next + 1;
        next = limit + 1;
        if (next > end) {
            inSplit = false;
            splitOutput = null;
            output.releaseOutputForSplit(splitId);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean nextSplit() {
        NumberSequenceSplit split = splits.poll();
        if (split == null) {
            return false;
        }
        splitId = split.splitId();
        next = split.from();
        end = split.to();
        inSplit = true;
        return true;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<NumberSequenceSplit> newSplits) {
        splits.addAll(newSplits);
        requested = false;
        available.complete(null);
    }

    /**
     * The split being read, from the next index not emitted yet, then the splits not started: a
     * reader restored with them emits exactly the records this one had not emitted.
     */
    @Override
    public List<NumberSequenceSplit> snapshotState(long checkpointId) {
        List<NumberSequenceSplit> state = new ArrayList<>(splits.size() + 1);
        if (inSplit && next <= end) {
            state.add(new NumberSequenceSplit(splitId, next, end));
        }
        state.addAll(splits);
        return state;
    }

    /** Opens the gate of a reader limited per checkpoint for its next share of records. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (recordsPerCheckpoint > 0) {
            emittedSinceCheckpoint = 0;
            available.complete(null);
        }
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() throws Exception {}
}
