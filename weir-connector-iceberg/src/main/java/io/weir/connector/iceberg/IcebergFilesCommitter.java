package io.weir.connector.iceberg;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.StateInitializationContext;
import io.weir.api.state.StateSnapshotContext;
import io.weir.api.types.PrimitiveArrayTypeInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.iceberg.io.WriteResult;

/**
 * The one committer of an {@link IcebergSink} (parallelism 1, as Flink's
 * {@code IcebergFilesCommitter}): gathers the files every writer emitted before a checkpoint's
 * barrier and commits them as <em>one</em> Iceberg snapshot when that checkpoint completes.
 *
 * <h2>Exactly once</h2>
 * At each checkpoint the files received since the previous one become one pending commit with a
 * fresh commit id, kept in this operator's state until committed. A checkpoint whose completion
 * notice never came (a failure in between) is committed by the restored committer, which starts
 * with the pending commits of the checkpoint it restored; the snapshot's summary carries the commit
 * id, so a commit that was done before the failure is found in the table's history and not repeated
 * ({@link SnapshotCommit}). Pending commits of several checkpoints are committed in checkpoint order,
 * one snapshot each: an equality delete only applies to rows of earlier snapshots.
 *
 * <p>At the end of a bounded input the last files wait for the job's final checkpoint when the job
 * takes checkpoints (so that nothing is committed that a failure elsewhere could make be written
 * again), and are committed at once when it does not.
 *
 * <p>Threading: the task's thread only.
 */
final class IcebergFilesCommitter extends AbstractStreamOperator<Void> implements OneInputStreamOperator<byte[], Void>,
        BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    /** What the writers emitted since the last checkpoint. */
    private transient List<WriteResult> received;
    /** Commits whose checkpoint has not been notified complete yet, by checkpoint id. */
    private transient TreeMap<Long, IcebergCommittable> pending;
    private transient ListState<byte[]> pendingState;
    private transient SnapshotCommit commit;

    IcebergFilesCommitter(TableLoader tableLoader) {
        this.tableLoader = tableLoader;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        received = new ArrayList<>();
        pending = new TreeMap<>();
        pendingState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("iceberg-pending-commits", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        for (byte[] entry : pendingState.get()) {
            ByteBuffer buffer = ByteBuffer.wrap(entry);
            long checkpointId = buffer.getLong();
            byte[] message = new byte[buffer.remaining()];
            buffer.get(message);
            pending.put(checkpointId, IcebergCommittable.fromMessage(message));
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        commit = new SnapshotCommit(tableLoader.copy());
        // the restored checkpoint completed; whether its commit happened, the table's history says
        commitUpTo(Long.MAX_VALUE, true);
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) throws Exception {
        received.add(IcebergCommittable.fromMessage(element.getValue()).files());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        if (!received.isEmpty()) {
            WriteResult files = WriteResult.builder().addAll(received).build();
            pending.put(context.getCheckpointId(), new IcebergCommittable(UUID.randomUUID().toString(), files));
            received.clear();
        }
        List<byte[]> entries = new ArrayList<>();
        for (Map.Entry<Long, IcebergCommittable> e : pending.entrySet()) {
            byte[] message = e.getValue().toMessage();
            entries.add(ByteBuffer.allocate(8 + message.length).putLong(e.getKey()).put(message).array());
        }
        pendingState.update(entries);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        commitUpTo(checkpointId, false);
    }

    @Override
    public void endInput() throws Exception {
        if (received.isEmpty() || getOperatorContext().isCheckpointingEnabled()) {
            return; // the final checkpoint takes them, and commits them when it completes
        }
        WriteResult files = WriteResult.builder().addAll(received).build();
        received.clear();
        commit.commit(new IcebergCommittable(UUID.randomUUID().toString(), files), -1, false);
    }

    /** Commits the pending commits of checkpoints up to {@code checkpointId}, oldest first. */
    private void commitUpTo(long checkpointId, boolean mayHaveBeenCommitted) throws IOException {
        Iterator<Map.Entry<Long, IcebergCommittable>> due = pending.headMap(checkpointId, true).entrySet().iterator();
        while (due.hasNext()) {
            Map.Entry<Long, IcebergCommittable> next = due.next();
            commit.commit(next.getValue(), next.getKey(), mayHaveBeenCommitted);
            due.remove();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (commit != null) {
                commit.close();
            }
        } finally {
            super.close();
        }
    }
}
