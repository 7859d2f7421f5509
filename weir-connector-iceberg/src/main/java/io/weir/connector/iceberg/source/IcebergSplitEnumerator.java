package io.weir.connector.iceberg.source;

import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.connector.iceberg.TableLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ScanTaskParser;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Plans an Iceberg table's file scan tasks into splits and hands them to readers, one per request.
 *
 * <p>Bounded: the snapshot current when the job starts is planned once; a reader that asks when
 * none is left is told there are no more. Streaming (Flink's {@code TABLE_SCAN_THEN_INCREMENTAL}):
 * the first planning reads the current snapshot whole; after that, a request that finds no split
 * left plans the files appended by the snapshots committed since the last one planned (at most once
 * per monitor interval; the readers ask again after each interval). Only appends can be read
 * incrementally: a snapshot that rewrites files without new rows (a compaction) is passed over,
 * one that deletes or overwrites rows (an upsert table's commit) fails the source, saying so,
 * rather than miss its changes.
 *
 * <p>Threading: the coordinator thread only (see {@link SplitEnumerator}).
 */
final class IcebergSplitEnumerator implements SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> {
    private final SplitEnumeratorContext<IcebergSourceSplit> context;
    private final TableLoader tableLoader;
    private final long monitorIntervalNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<IcebergSourceSplit> pending = new ArrayDeque<>();
    private final boolean restored;
    private long lastSnapshotId;
    private long lastPlanning;
    private boolean plannedOnce;

    /**
     * @param monitorIntervalNanos how often to look for new snapshots, or 0 for a bounded source
     * @param restoredState what a checkpoint holds, or {@code null} for a fresh start
     */
    IcebergSplitEnumerator(SplitEnumeratorContext<IcebergSourceSplit> context, TableLoader tableLoader,
            long monitorIntervalNanos, LongSupplier nanoClock, IcebergEnumeratorState restoredState) {
        this.context = context;
        this.tableLoader = tableLoader;
        this.monitorIntervalNanos = monitorIntervalNanos;
        this.nanoClock = nanoClock;
        this.restored = restoredState != null;
        this.lastSnapshotId = restored ? restoredState.lastSnapshotId() : IcebergEnumeratorState.NONE;
        if (restored) {
            pending.addAll(restoredState.pendingSplits());
        }
    }

    private boolean streaming() {
        return monitorIntervalNanos > 0;
    }

    @Override
    public void start() {
        if (!restored) {
            plan();
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (pending.isEmpty() && streaming()
                && (!plannedOnce || nanoClock.getAsLong() - lastPlanning >= monitorIntervalNanos)) {
            plan();
        }
        IcebergSourceSplit split = pending.poll();
        if (split != null) {
            context.assignSplit(split, subtaskId);
        } else if (!streaming()) {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    /** Adds the splits of the snapshots after the last planned one (of the current snapshot, the first time). */
    private void plan() {
        lastPlanning = nanoClock.getAsLong();
        plannedOnce = true;
        Table table = tableLoader.loadTable();
        table.refresh();
        Snapshot current = table.currentSnapshot();
        if (current == null || current.snapshotId() == lastSnapshotId) {
            return; // no rows yet, or nothing new
        }
        try {
            if (lastSnapshotId == IcebergEnumeratorState.NONE) {
                addSplits(current, table.newScan().useSnapshot(current.snapshotId()).planFiles());
            } else {
                checkAppendsOnly(table, current);
                addSplits(current, table.newIncrementalAppendScan().fromSnapshotExclusive(lastSnapshotId)
                        .toSnapshot(current.snapshotId()).planFiles());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Planning the files of Iceberg table " + tableLoader + " failed: "
                    + e.getMessage(), e);
        }
        lastSnapshotId = current.snapshotId();
    }

    private void addSplits(Snapshot snapshot, CloseableIterable<FileScanTask> tasks) throws IOException {
        try (tasks) {
            int n = 0;
            for (FileScanTask task : tasks) {
                pending.add(new IcebergSourceSplit("snapshot-" + snapshot.snapshotId() + "-task-" + n++,
                        ScanTaskParser.toJson(task), 0));
            }
        }
    }

    private void checkAppendsOnly(Table table, Snapshot current) {
        for (Snapshot snapshot : SnapshotUtil.ancestorsBetween(table, current.snapshotId(), lastSnapshotId)) {
            String operation = snapshot.operation();
            if (operation != null && !DataOperations.APPEND.equals(operation) && !DataOperations.REPLACE.equals(operation)) {
                throw new IllegalStateException("The streaming Iceberg source of table " + tableLoader + " reads appended "
                        + "rows only, but snapshot " + snapshot.snapshotId() + " is an '" + operation + "' (rows deleted or "
                        + "replaced, e.g. by an upsert); read such a table with a bounded source ('streaming' = 'false')");
            }
        }
    }

    @Override
    public void addSplitsBack(List<IcebergSourceSplit> splits, int subtaskId) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            pending.addFirst(splits.get(i));
        }
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public IcebergEnumeratorState snapshotState(long checkpointId) {
        return new IcebergEnumeratorState(lastSnapshotId, new ArrayList<>(pending));
    }

    @Override
    public void close() throws IOException {
        tableLoader.close();
    }
}
