package io.weir.connector.iceberg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.Types;
import io.weir.connector.iceberg.CatalogLoader;
import io.weir.connector.iceberg.TableLoader;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.types.Types.NestedField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IcebergSource in streaming mode against a real HadoopCatalog: a running job reads the current
 * snapshot and then the rows of every snapshot appended while it runs; the enumerator's checkpoint
 * holds the last snapshot planned, so a restored enumerator plans only newer ones; a snapshot that
 * deletes rows fails the streaming source, saying why.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IcebergStreamingSourceTest {
    private static final Schema SCHEMA = new Schema(NestedField.required(1, "id", org.apache.iceberg.types.Types.LongType.get()));
    private static final RowTypeInfo ROWS = (RowTypeInfo) Types.ROW_NAMED(new String[] {"id"}, Types.LONG);

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @TempDir
    static Path dir;
    static CatalogLoader loader;
    static Catalog catalog;

    @BeforeAll
    static void openCatalog() {
        loader = CatalogLoader.hadoop("weir", Map.of("warehouse", dir.toUri().toString()));
        catalog = loader.loadCatalog();
    }

    @AfterAll
    static void closeCatalog() throws Exception {
        ((AutoCloseable) catalog).close();
    }

    @Test
    void aRunningJobReadsTheCurrentSnapshotThenEveryAppendedOne() throws Exception {
        TableIdentifier id = TableIdentifier.of("db", "appended");
        Table table = catalog.createTable(id, SCHEMA, PartitionSpec.unpartitioned());
        append(table, 0, 5);

        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        IcebergSource source = IcebergSource.forRow(TableLoader.fromCatalog(loader, id), ROWS)
                .streaming(true).monitorInterval(Duration.ofMillis(50));
        try (CloseableIterator<Row> rows = env.fromSource(source, WatermarkStrategy.noWatermarks(), "iceberg")
                .executeAndCollect("iceberg streaming")) {
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), next(rows, 5), "the snapshot current at the start");
            append(table, 5, 8);
            assertEquals(List.of(5L, 6L, 7L), next(rows, 3), "a snapshot appended while the job runs");
            append(table, 8, 10);
            append(table, 10, 12);
            assertEquals(List.of(8L, 9L, 10L, 11L), next(rows, 4), "two more, each row once");
        }
    }

    @Test
    void aRestoredEnumeratorPlansOnlyTheSnapshotsAfterItsCheckpoint() throws Exception {
        TableIdentifier id = TableIdentifier.of("db", "restored");
        Table table = catalog.createTable(id, SCHEMA, PartitionSpec.unpartitioned());
        append(table, 0, 3);
        AtomicLong clock = new AtomicLong();
        RecordingContext first = new RecordingContext();
        IcebergEnumeratorState checkpoint;
        try (IcebergSplitEnumerator enumerator = new IcebergSplitEnumerator(first, TableLoader.fromCatalog(loader, id),
                1_000, clock::get, null)) {
            enumerator.start();
            enumerator.handleSplitRequest(0, "localhost");
            IcebergEnumeratorState.Serializer serializer = new IcebergEnumeratorState.Serializer();
            checkpoint = serializer.deserialize(serializer.getVersion(), serializer.serialize(enumerator.snapshotState(1)));
        }
        assertEquals(1, first.assigned.size());
        assertEquals(table.currentSnapshot().snapshotId(), checkpoint.lastSnapshotId());

        append(table, 3, 5);
        table.refresh();
        RecordingContext second = new RecordingContext();
        try (IcebergSplitEnumerator restored = new IcebergSplitEnumerator(second, TableLoader.fromCatalog(loader, id),
                1_000, clock::get, checkpoint)) {
            restored.start();
            restored.handleSplitRequest(0, "localhost");
            restored.handleSplitRequest(1, "localhost");
        }
        assertEquals(1, second.assigned.size(), "only the new snapshot's file: " + second.assigned);
        assertTrue(second.assigned.get(0).splitId().startsWith("snapshot-" + table.currentSnapshot().snapshotId()),
                second.assigned.get(0).splitId());
        assertEquals(List.of(), second.noMoreSplits, "a streaming source never runs out");
    }

    @Test
    void aSnapshotThatDeletesRowsFailsTheStreamingSourceSayingWhy() throws Exception {
        TableIdentifier id = TableIdentifier.of("db", "deleted");
        Table table = catalog.createTable(id, SCHEMA, PartitionSpec.unpartitioned());
        DataFile file = append(table, 0, 3);
        AtomicLong clock = new AtomicLong();
        try (IcebergSplitEnumerator enumerator = new IcebergSplitEnumerator(new RecordingContext(),
                TableLoader.fromCatalog(loader, id), 1_000, clock::get, null)) {
            enumerator.start();
            enumerator.handleSplitRequest(0, "localhost"); // the first snapshot's file
            table.newDelete().deleteFile(file).commit();
            clock.addAndGet(1_000);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> enumerator.handleSplitRequest(0, "localhost"));
            assertTrue(e.getMessage().contains("appended rows only") && e.getMessage().contains("'delete'"), e.getMessage());
        }
    }

    private static List<Long> next(CloseableIterator<Row> rows, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add((Long) rows.next().getField(0));
        }
        return ids.stream().sorted().toList();
    }

    /** Commits one Parquet file with ids {@code from} (inclusive) to {@code to} (exclusive) as a new snapshot. */
    private static DataFile append(Table table, long from, long to) throws IOException {
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
        DataWriter<Record> writer = new GenericFileWriterFactory.Builder(table).dataFileFormat(FileFormat.PARQUET)
                .dataSchema(table.schema()).build()
                .newDataWriter(EncryptedFiles.plainAsEncryptedOutput(out), table.spec(), null);
        try (writer) {
            for (long i = from; i < to; i++) {
                GenericRecord record = GenericRecord.create(table.schema());
                record.setField("id", i);
                writer.write(record);
            }
        }
        DataFile file = writer.toDataFile();
        table.newAppend().appendFile(file).commit();
        return file;
    }

    /** The enumerator's side of the coordinator, recording what it is told. */
    private static final class RecordingContext implements SplitEnumeratorContext<IcebergSourceSplit> {
        final List<IcebergSourceSplit> assigned = new ArrayList<>();
        final List<Integer> noMoreSplits = new ArrayList<>();

        @Override
        public int currentParallelism() {
            return 2;
        }

        @Override
        public Map<Integer, String> registeredReaders() {
            return new HashMap<>(Map.of(0, "localhost", 1, "localhost"));
        }

        @Override
        public void assignSplit(IcebergSourceSplit split, int subtask) {
            assigned.add(split);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            noMoreSplits.add(subtask);
        }
    }
}
