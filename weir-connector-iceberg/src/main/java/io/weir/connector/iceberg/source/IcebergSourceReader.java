package io.weir.connector.iceberg.source;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.lib.SplitQueue;
import io.weir.api.types.Row;
import io.weir.connector.iceberg.TableLoader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    private final TableLoader tableLoader;
    private final RecordConverter converter;
    private final SplitQueue<IcebergSourceSplit> splits;
    private Table table;
    private IcebergSourceSplit current;
    private CloseableIterable<Record> currentRecords;
    private CloseableIterator<Record> records;
    private long emitted;

    /** @param requestIntervalNanos a streaming source's monitor interval (a request unanswered is repeated after it), else 0 */
    IcebergSourceReader(SourceReaderContext context, TableLoader tableLoader, RecordConverter converter,
            long requestIntervalNanos) {
        this.tableLoader = tableLoader;
        this.converter = converter;
        this.splits = new SplitQueue<>(context, Duration.ofNanos(requestIntervalNanos));
    }

    @Override
    public void start() {
        table = tableLoader.loadTable();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Row> output) throws IOException {
        if (current == null && !openNextSplit()) {
            return splits.awaitSplit();
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
        return splits.isAvailable();
    }

    @Override
    public void addSplits(List<IcebergSourceSplit> newSplits) {
        splits.add(newSplits);
    }

    @Override
    public void notifyNoMoreSplits() {
        splits.noMoreSplits();
    }

    @Override
    public List<IcebergSourceSplit> snapshotState(long checkpointId) {
        return splits.snapshot(current == null ? null : current.skipping(emitted));
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
