package io.weir.connector.iceberg;

import io.weir.api.connector.sink.Committer;
import java.io.IOException;
import java.util.Collection;
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
 * Commits each committable (one writer subtask's files of one checkpoint) as one Iceberg snapshot,
 * exactly once: the snapshot's summary carries the committable's id, and a committable whose id
 * is in the summary of a snapshot of the table's history was committed before (a commit that
 * completed just before a failure, repeated by the restored job) and is skipped.
 *
 * <p>Threading: the sink's task thread only.
 */
final class IcebergCommitter implements Committer<IcebergCommittable> {
    /** Snapshot summary key: the id of the committable the snapshot committed. */
    static final String COMMIT_ID = "weir.commit-id";
    /** Snapshot summary key: the sink subtask whose files the snapshot committed. */
    static final String SUBTASK = "weir.subtask";

    private final TableLoader tableLoader;
    private final int subtask;
    private Table table;

    IcebergCommitter(TableLoader tableLoader, int subtask) {
        this.tableLoader = tableLoader;
        this.subtask = subtask;
    }

    @Override
    public void commit(Collection<CommitRequest<IcebergCommittable>> requests) {
        for (CommitRequest<IcebergCommittable> request : requests) {
            IcebergCommittable committable = request.getCommittable();
            try {
                if (table == null) {
                    table = tableLoader.loadTable();
                } else {
                    table.refresh();
                }
                if (isCommitted(committable.commitId())) {
                    request.signalAlreadyCommitted();
                } else {
                    commit(committable);
                }
            } catch (RuntimeException e) {
                request.signalFailedWithUnknownReason(new IOException("Committing " + committable.files().dataFiles().length
                        + " data and " + committable.files().deleteFiles().length + " delete files to Iceberg table "
                        + tableLoader + " failed: " + e.getMessage(), e));
            }
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

    private void commit(IcebergCommittable committable) {
        WriteResult files = committable.files();
        SnapshotUpdate<?> update;
        if (files.deleteFiles().length == 0) {
            AppendFiles append = table.newAppend();
            for (DataFile file : files.dataFiles()) {
                append.appendFile(file);
            }
            update = append;
        } else {
            RowDelta delta = table.newRowDelta();
            for (DataFile file : files.dataFiles()) {
                delta.addRows(file);
            }
            for (DeleteFile file : files.deleteFiles()) {
                delta.addDeletes(file);
            }
            update = delta;
        }
        update.set(COMMIT_ID, committable.commitId());
        update.set(SUBTASK, Integer.toString(subtask));
        update.commit();
    }

    @Override
    public void close() throws IOException {
        tableLoader.close();
    }
}
