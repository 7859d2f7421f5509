package io.weir.connector.iceberg.source;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.types.Row;
import io.weir.connector.iceberg.TableLoader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.ScanTaskParser;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;

/**
 * Reads one split (file scan task) at a time, asking the enumerator for the next when done, and
 * emits up to {@value #BATCH} rows per poll. Its state is the split being read, with the count of
 * rows emitted from it (a file's rows come back in the same order, so a restored reader skips that
 * many), and the splits not started.
 *
 * <p>Threading: the source task's thread only.
 */
final class IcebergSourceReader implements SourceReader<Row, IcebergSourceSplit> {
    private static final int BATCH = 512;

    private final SourceReaderContext context;
    private final TableLoader tableLoader;
    private final RecordConverter converter;
    private final ArrayDeque<IcebergSourceSplit> splits = new ArrayDeque<>();
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private Table table;
    private boolean requested;
    private boolean noMoreSplits;
    private IcebergSourceSplit current;
    private CloseableIterable<Record> currentRecords;
    private CloseableIterator<Record> records;
    private long emitted;
    private final long requestIntervalNanos;
    private long requestedAtNanos;

    /** @param requestIntervalNanos a streaming source's monitor interval (a request unanswered is repeated after it), else 0 */
    IcebergSourceReader(SourceReaderContext context, TableLoader tableLoader, RecordConverter converter,
            long requestIntervalNanos) {
        this.context = context;
        this.tableLoader = tableLoader;
        this.converter = converter;
        this.requestIntervalNanos = requestIntervalNanos;
    }

    @Override
    public void start() {
        table = tableLoader.loadTable();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Row> output) throws IOException {
        if (current == null && !openNextSplit()) {
            if (noMoreSplits) {
                return InputStatus.END_OF_INPUT;
            }
            if (!requested || (requestIntervalNanos > 0 && System.nanoTime() - requestedAtNanos >= requestIntervalNanos)) {
                requestSplit();
            }
            return InputStatus.NOTHING_AVAILABLE;
        }
        for (int i = 0; i < BATCH && records.hasNext(); i++) {
            output.collect(converter.toRow(records.next()));
            emitted++;
        }
        if (!records.hasNext()) {
            closeCurrent();
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Asks the enumerator; a streaming source's reader asks again after the interval if nothing came. */
    private void requestSplit() {
        requested = true;
        requestedAtNanos = System.nanoTime();
        available = new CompletableFuture<>();
        context.sendSplitRequest();
        if (requestIntervalNanos > 0) {
            CompletableFuture<Void> toComplete = available;
            CompletableFuture.delayedExecutor(requestIntervalNanos, TimeUnit.NANOSECONDS).execute(() -> toComplete.complete(null));
        }
    }

    private boolean openNextSplit() throws IOException {
        IcebergSourceSplit split = splits.poll();
        if (split == null) {
            return false;
        }
        current = split;
        currentRecords = TaskRecords.open(table, ScanTaskParser.fromJson(split.taskJson(), true));
        records = currentRecords.iterator();
        emitted = 0;
        while (emitted < split.recordsToSkip() && records.hasNext()) {
            records.next();
            emitted++;
        }
        return true;
    }

    private void closeCurrent() throws IOException {
        current = null;
        try {
            if (records != null) {
                records.close();
            }
        } finally {
            records = null;
            if (currentRecords != null) {
                currentRecords.close();
                currentRecords = null;
            }
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<IcebergSourceSplit> newSplits) {
        splits.addAll(newSplits);
        requested = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public List<IcebergSourceSplit> snapshotState(long checkpointId) {
        List<IcebergSourceSplit> state = new ArrayList<>(splits.size() + 1);
        if (current != null) {
            state.add(current.skipping(emitted));
        }
        state.addAll(splits);
        return state;
    }

    @Override
    public void close() throws Exception {
        try {
            closeCurrent();
        } finally {
            tableLoader.close();
        }
    }
}
