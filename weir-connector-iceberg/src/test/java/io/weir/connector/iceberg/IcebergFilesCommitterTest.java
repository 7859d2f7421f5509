package io.weir.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.testutils.OneInputStreamOperatorTestHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers and the one committer of an IcebergSink in operator harnesses against a real
 * HadoopCatalog, with failures injected at the two points where a commit can be lost or repeated:
 * between the checkpoint's snapshot and its completion notice, and after the commit but before
 * the next checkpoint. Each ends with the rows once and one snapshot per checkpoint.
 */
class IcebergFilesCommitterTest {
    private static final Schema SCHEMA = new Schema(org.apache.iceberg.types.Types.NestedField.required(1, "id",
            org.apache.iceberg.types.Types.IntegerType.get()));
    private static final RowTypeInfo ROWS = (RowTypeInfo) Types.ROW_NAMED(new String[] {"id"}, Types.INT);

    @TempDir
    Path dir;
    private CatalogLoader loader;
    private Catalog catalog;
    private final TableIdentifier id = TableIdentifier.of("db", "numbers");
    private final List<OneInputStreamOperatorTestHarness<?, ?>> harnesses = new ArrayList<>();

    @BeforeEach
    void createTable() {
        loader = CatalogLoader.hadoop("weir", Map.of("warehouse", dir.toUri().toString()));
        catalog = loader.loadCatalog();
        catalog.createTable(id, SCHEMA, PartitionSpec.unpartitioned());
    }

    @AfterEach
    void close() throws Exception {
        for (OneInputStreamOperatorTestHarness<?, ?> harness : harnesses) {
            harness.close();
        }
        ((AutoCloseable) catalog).close();
    }

    @Test
    void allWritersFilesOfACheckpointBecomeOneSnapshotWhenItCompletes() throws Exception {
        var committer = committer(null);
        var writers = List.of(writer(0), writer(1));
        writeAndHandOver(writers, committer, 1, 1, 2, 3, 4);
        committer.snapshot(1, 1);
        assertEquals(0, snapshots().size(), "nothing is visible before the checkpoint completed");
        committer.notifyOfCompletedCheckpoint(1);

        writeAndHandOver(writers, committer, 2, 5, 6);
        committer.snapshot(2, 2);
        committer.notifyOfCompletedCheckpoint(2);

        assertEquals(List.of("1", "2"), checkpointsOfSnapshots());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ids());
    }

    @Test
    void aCheckpointWhoseNoticeALostFailureSwallowedIsCommittedByTheRestoredCommitter() throws Exception {
        var committer = committer(null);
        writeAndHandOver(List.of(writer(0), writer(1)), committer, 1, 1, 2, 3);
        OperatorSubtaskState checkpoint = committer.snapshot(1, 1);
        // the failure: the checkpoint completed, its notice never reached the committer

        committer(checkpoint);
        assertEquals(List.of("1"), checkpointsOfSnapshots());
        assertEquals(List.of(1, 2, 3), ids());
    }

    @Test
    void aCommitDoneBeforeAFailureIsNotRepeatedByTheRestoredCommitter() throws Exception {
        var committer = committer(null);
        writeAndHandOver(List.of(writer(0), writer(1)), committer, 1, 1, 2, 3);
        OperatorSubtaskState checkpoint = committer.snapshot(1, 1);
        committer.notifyOfCompletedCheckpoint(1);
        // the failure: after the commit, before the next checkpoint; the job restores checkpoint 1

        var restored = committer(checkpoint);
        restored.notifyOfCompletedCheckpoint(1);
        assertEquals(List.of("1"), checkpointsOfSnapshots());
        assertEquals(List.of(1, 2, 3), ids());
    }

    @Test
    void pendingCheckpointsAreCommittedOldestFirstOneSnapshotEach() throws Exception {
        var committer = committer(null);
        var writers = List.of(writer(0), writer(1));
        writeAndHandOver(writers, committer, 1, 1, 2);
        committer.snapshot(1, 1);
        writeAndHandOver(writers, committer, 2, 3);
        committer.snapshot(2, 2);
        committer.notifyOfCompletedCheckpoint(2); // the notice of checkpoint 1 was skipped

        assertEquals(List.of("1", "2"), checkpointsOfSnapshots());
        assertEquals(List.of(1, 2, 3), ids());
    }

    /** Writers get the values round-robin, then each hands its files over as the checkpoint's barrier passes. */
    private static void writeAndHandOver(List<OneInputStreamOperatorTestHarness<Row, byte[]>> writers,
            OneInputStreamOperatorTestHarness<byte[], Void> committer, long checkpointId, int... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            writers.get(i % writers.size()).processElement(Row.of(values[i]), 0);
        }
        for (OneInputStreamOperatorTestHarness<Row, byte[]> writer : writers) {
            writer.snapshot(checkpointId, checkpointId); // prepareSnapshotPreBarrier emits the files
            for (byte[] files : writer.extractOutputValues()) {
                committer.processElement(files, 0);
            }
            writer.getOutput().clear();
        }
    }

    private OneInputStreamOperatorTestHarness<Row, byte[]> writer(int subtask) throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(new IcebergStreamWriter(TableLoader.fromCatalog(loader, id),
                ROWS.getFieldNames(), ROWS.getFieldTypes(), List.of()), 128, 2, subtask);
        harnesses.add(harness);
        harness.open();
        return harness;
    }

    private OneInputStreamOperatorTestHarness<byte[], Void> committer(OperatorSubtaskState restored) throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(new IcebergFilesCommitter(TableLoader.fromCatalog(loader, id)));
        harnesses.add(harness);
        harness.initializeState(restored);
        harness.open();
        return harness;
    }

    private List<Snapshot> snapshots() {
        Table table = catalog.loadTable(id);
        List<Snapshot> snapshots = new ArrayList<>();
        table.snapshots().forEach(snapshots::add);
        return snapshots;
    }

    private List<String> checkpointsOfSnapshots() {
        return snapshots().stream().map(s -> s.summary().get(SnapshotCommit.CHECKPOINT_ID)).toList();
    }

    private List<Integer> ids() throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(catalog.loadTable(id)).build()) {
            rows.forEach(r -> ids.add((Integer) r.getField("id")));
        }
        return ids.stream().sorted().toList();
    }
}
