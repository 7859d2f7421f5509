package io.weir.connector.iceberg;

import java.io.Closeable;
import java.io.IOException;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.WriteResult;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Commits one {@link IcebergCommittable} as one Iceberg snapshot (an append, or a row delta when
 * it has delete files), exactly once: the snapshot's summary carries the committable's id, and a
 * committable that may have been committed before (one restored from a checkpoint) is skipped when
 * a snapshot of the table's history carries its id.
 *
 * <p>Threading: one thread (the committer's task thread).
 */
final class SnapshotCommit implements Closeable {
    /** Snapshot summary key: the id of the committable the snapshot committed. */
    static final String COMMIT_ID = "weir.commit-id";
    /** Snapshot summary key: the checkpoint whose files the snapshot committed (absent at the end of an unchecked job). */
    static final String CHECKPOINT_ID = "weir.checkpoint-id";

    private final TableLoader tableLoader;
    private Table table;

    SnapshotCommit(TableLoader tableLoader) {
        this.tableLoader = tableLoader;
    }

    /**
     * Commits {@code committable}, prepared for checkpoint {@code checkpointId} ({@code -1}: none),
     * unless {@code mayHaveBeenCommitted} and the table's history shows it was.
     *
     * @return whether this call committed it
     * @throws IOException naming the table and the files when Iceberg refuses the commit
     */
    boolean commit(IcebergCommittable committable, long checkpointId, boolean mayHaveBeenCommitted) throws IOException {
        try {
            if (table == null) {
                table = tableLoader.loadTable();
            } else {
                table.refresh();
            }
            if (mayHaveBeenCommitted && isCommitted(committable.commitId())) {
                return false;
            }
            SnapshotUpdate<?> update = update(committable.files());
            update.set(COMMIT_ID, committable.commitId());
            if (checkpointId >= 0) {
                update.set(CHECKPOINT_ID, Long.toString(checkpointId));
            }
            update.commit();
            return true;
        } catch (RuntimeException e) {
            throw new IOException("Committing " + committable.files().dataFiles().length + " data and "
                    + committable.files().deleteFiles().length + " delete files to Iceberg table " + tableLoader
                    + " failed: " + e.getMessage(), e);
        }
    }

    private boolean isCommitted(String commitId) {
        for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
            if (commitId.equals(snapshot.summary().get(COMMIT_ID))) {
                return true;
            }
        }
        return false;
    }

    private SnapshotUpdate<?> update(WriteResult files) {
        if (files.deleteFiles().length == 0) {
            AppendFiles append = table.newAppend();
            for (DataFile file : files.dataFiles()) {
                append.appendFile(file);
            }
            return append;
        }
        RowDelta delta = table.newRowDelta();
        for (DataFile file : files.dataFiles()) {
            delta.addRows(file);
        }
        for (DeleteFile file : files.deleteFiles()) {
            delta.addDeletes(file);
        }
        return delta;
    }

    @Override
    public void close() throws IOException {
        tableLoader.close();
    }
}
