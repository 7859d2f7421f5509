package io.weir.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DataStream IcebergSink against real catalogs on temp dirs: a JdbcCatalog on a sqlite file
 * and a HadoopCatalog on a {@code file:} warehouse, each opened once for the class. Rows read back
 * with Iceberg's own reader.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IcebergSinkTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    static final Schema EVENTS = new Schema(
            org.apache.iceberg.types.Types.NestedField.required(1, "id", org.apache.iceberg.types.Types.LongType.get()),
            org.apache.iceberg.types.Types.NestedField.optional(2, "category", org.apache.iceberg.types.Types.StringType.get()),
            org.apache.iceberg.types.Types.NestedField.optional(3, "ts", org.apache.iceberg.types.Types.TimestampType.withoutZone()));
    static final TypeInformation<Row> EVENT_ROWS = Types.ROW_NAMED(new String[] {"id", "category", "ts"},
            Types.LONG, Types.STRING, Types.LOCAL_DATE_TIME);

    @TempDir
    static Path dir;
    static CatalogLoader jdbc;
    static CatalogLoader hadoop;
    static Catalog jdbcCatalog;
    static Catalog hadoopCatalog;

    @BeforeAll
    static void openCatalogs() {
        jdbc = CatalogLoader.jdbc("weir", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
                "warehouse", dir.resolve("jdbc-warehouse").toUri().toString()));
        hadoop = CatalogLoader.hadoop("weir", Map.of("warehouse", dir.resolve("hadoop-warehouse").toUri().toString()));
        jdbcCatalog = jdbc.loadCatalog();
        hadoopCatalog = hadoop.loadCatalog();
        ((SupportsNamespaces) jdbcCatalog).createNamespace(Namespace.of("db"));
    }

    @AfterAll
    static void closeCatalogs() throws Exception {
        ((AutoCloseable) jdbcCatalog).close();
        ((AutoCloseable) hadoopCatalog).close();
    }

    static StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(50);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, java.time.Duration.ofMillis(10));
        env.configure(config);
        return env;
    }

    static List<Record> readBack(Catalog catalog, TableIdentifier id) throws IOException {
        Table table = catalog.loadTable(id);
        List<Record> records = new ArrayList<>();
        try (CloseableIterable<Record> read = IcebergGenerics.read(table).build()) {
            read.forEach(records::add);
        }
        return records;
    }

    static String category(long id) {
        return "c" + id % 3;
    }

    static LocalDateTime time(long id) {
        return LocalDateTime.of(2026, 12, 1 + (int) (id % 4), (int) (id % 24), 0);
    }

    /** Runs 2000 numbers through a job that fails once mid-way into the table; returns the snapshots' count. */
    private static int writeThroughAFailure(Catalog catalog, CatalogLoader loader, TableIdentifier id, int sinkParallelism)
            throws Exception {
        EventFailingOnce.reset();
        long rows = 2000;
        StreamExecutionEnvironment env = environment(2);
        IcebergSink.forRow(env.fromSource(new DataGeneratorSource<>(i -> i, rows, RateLimiterStrategy.perCheckpoint((int) rows / 10),
                        Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                        .map(new EventFailingOnce(rows)).returns(EVENT_ROWS))
                .tableLoader(TableLoader.fromCatalog(loader, id))
                .writeParallelism(sinkParallelism)
                .append();
        env.execute("iceberg exactly-once");

        assertEquals(1, EventFailingOnce.FAILURES.get(), "the failure was injected");
        Map<Long, Integer> seen = new TreeMap<>();
        for (Record record : readBack(catalog, id)) {
            long value = (Long) record.getField("id");
            seen.merge(value, 1, Integer::sum);
            assertEquals(category(value), record.getField("category"));
            assertEquals(time(value), record.getField("ts"));
        }
        assertEquals(rows, seen.size(), "every row is there");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "no row twice");

        Set<String> commitIds = new HashSet<>();
        Set<String> checkpoints = new HashSet<>();
        int snapshots = 0;
        for (Snapshot snapshot : catalog.loadTable(id).snapshots()) {
            snapshots++;
            assertTrue(commitIds.add(snapshot.summary().get(SnapshotCommit.COMMIT_ID)), "a commit done twice");
            assertTrue(checkpoints.add(snapshot.summary().get(SnapshotCommit.CHECKPOINT_ID)),
                    "two snapshots for checkpoint " + snapshot.summary().get(SnapshotCommit.CHECKPOINT_ID));
        }
        // one snapshot per completed checkpoint that saw rows, whatever the number of writers (the final
        // checkpoint's notice may reach the counting map after it finished: one more)
        assertTrue(snapshots >= 2 && snapshots <= EventFailingOnce.COMPLETED.get() + 1,
                snapshots + " snapshots for " + EventFailingOnce.COMPLETED.get() + " completed checkpoints");
        return snapshots;
    }

    @Test
    void twoSinkSubtasksWriteEveryRowOnceThroughAFailureIntoAHadoopCatalog() throws Exception {
        TableIdentifier id = TableIdentifier.of("db", "events_unpartitioned");
        hadoopCatalog.createTable(id, EVENTS, PartitionSpec.unpartitioned());
        writeThroughAFailure(hadoopCatalog, hadoop, id, 2);
    }

    @Test
    void writesEveryRowOnceThroughAFailureWithOneSnapshotPerCheckpointIntoPartitionedFiles() throws Exception {
        TableIdentifier id = TableIdentifier.of("db", "events");
        jdbcCatalog.createTable(id, EVENTS, PartitionSpec.builderFor(EVENTS).identity("category").day("ts").build());
        writeThroughAFailure(jdbcCatalog, jdbc, id, 1);

        Table table = jdbcCatalog.loadTable(id);

        Set<String> partitions = new HashSet<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                DataFile file = task.file();
                partitions.add(file.partition().get(0, String.class) + "/" + file.partition().get(1, Integer.class));
                assertTrue(file.location().contains("category=" + file.partition().get(0, String.class)),
                        "partitioned path " + file.location());
            }
        }
        assertEquals(12, partitions.size(), "3 categories x 4 days: " + partitions);
    }

    /** Row {@code (id, category(id), time(id))} of a number; fails once mid-stream after a checkpoint completed. */
    static final class EventFailingOnce extends RichMapFunction<Long, Row> implements CheckpointListener {
        static final AtomicInteger FAILURES = new AtomicInteger();
        static final AtomicInteger COMPLETED = new AtomicInteger();
        static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
        private final long rows;
        private transient long seen;

        static void reset() {
            FAILURES.set(0);
            COMPLETED.set(0);
            CHECKPOINT_COMPLETED.set(false);
        }

        EventFailingOnce(long rows) {
            this.rows = rows;
        }

        @Override
        public Row map(Long value) {
            long share = rows / getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            if (++seen >= share / 2 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + seen + " rows");
            }
            return Row.of(value, category(value), time(value));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                COMPLETED.incrementAndGet();
            }
        }
    }

    @Test
    void upsertReplacesAndDeletesRowsByKeyAcrossSnapshots() throws Exception {
        TableIdentifier id = TableIdentifier.of("db", "accounts");
        Schema schema = new Schema(
                org.apache.iceberg.types.Types.NestedField.required(1, "id", org.apache.iceberg.types.Types.IntegerType.get()),
                org.apache.iceberg.types.Types.NestedField.optional(2, "name", org.apache.iceberg.types.Types.StringType.get()));
        hadoopCatalog.createTable(id, schema, PartitionSpec.unpartitioned(),
                Map.of("format-version", "2"));
        TypeInformation<Row> type = Types.ROW_NAMED(new String[] {"id", "name"}, Types.INT, Types.STRING);
        upsert(id, type, Row.ofKind(RowKind.INSERT, 1, "a"), Row.ofKind(RowKind.INSERT, 2, "b"),
                Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a"), Row.ofKind(RowKind.UPDATE_AFTER, 1, "a2"),
                Row.ofKind(RowKind.INSERT, 3, "c"), Row.ofKind(RowKind.DELETE, 2, "b"));
        assertEquals(Map.of(1, "a2", 3, "c"), byId(readBack(hadoopCatalog, id)));

        // a second job: its equality deletes reach the rows of the first job's snapshot
        upsert(id, type, Row.ofKind(RowKind.UPDATE_AFTER, 3, "c2"), Row.ofKind(RowKind.DELETE, 1, "a2"),
                Row.ofKind(RowKind.INSERT, 4, "d"));
        assertEquals(Map.of(3, "c2", 4, "d"), byId(readBack(hadoopCatalog, id)));
    }

    private static void upsert(TableIdentifier id, TypeInformation<Row> type, Row... changes) throws Exception {
        StreamExecutionEnvironment env = environment(2); // two sink subtasks: changes are routed by key
        IcebergSink.forRow(env.fromData(type, changes))
                .tableLoader(TableLoader.fromCatalog(hadoop, id))
                .upsert(true).equalityFieldColumns(List.of("id"))
                .append();
        env.execute("iceberg upsert");
    }

    private static Map<Integer, String> byId(List<Record> records) {
        Map<Integer, String> rows = new TreeMap<>();
        for (Record record : records) {
            assertEquals(null, rows.put((Integer) record.getField("id"), (String) record.getField("name")),
                    "one row per key");
        }
        return rows;
    }

    @Test
    void rowsThatDoNotFitTheTableFailNamingTableAndColumn() {
        TableIdentifier id = TableIdentifier.of("db", "strict");
        jdbcCatalog.createTable(id, EVENTS);
        StreamExecutionEnvironment env = environment(1);
        TypeInformation<Row> wrongType = Types.ROW_NAMED(new String[] {"id", "category", "ts"},
                Types.STRING, Types.STRING, Types.LOCAL_DATE_TIME);
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> IcebergSink.forRow(env.fromData(wrongType, Row.of("1", "x", time(1))))
                        .tableLoader(TableLoader.fromCatalog(jdbc, id)).append());
        assertTrue(mismatch.getMessage().contains("db.strict") && mismatch.getMessage().contains("column 'id' is long")
                && mismatch.getMessage().contains("cast"), mismatch.getMessage());

        TypeInformation<Row> extra = Types.ROW_NAMED(new String[] {"id", "colour"}, Types.LONG, Types.STRING);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> IcebergSink.forRow(env.fromData(extra, Row.of(1L, "red")))
                        .tableLoader(TableLoader.fromCatalog(jdbc, id)).append());
        assertTrue(unknown.getMessage().contains("'colour' is not a column"), unknown.getMessage());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> IcebergSink.forRow(env.fromData(EVENT_ROWS, Row.of(1L, "x", time(1))))
                        .tableLoader(TableLoader.fromCatalog(jdbc, TableIdentifier.of("db", "nope"))).append());
        assertTrue(missing.getMessage().contains("db.nope does not exist"), missing.getMessage());

        IllegalArgumentException noWarehouse = assertThrows(IllegalArgumentException.class,
                () -> CatalogLoader.hadoop("weir", Map.of()));
        assertTrue(noWarehouse.getMessage().contains("'warehouse'"), noWarehouse.getMessage());
    }
}
