package io.weir.connector.file.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL {@code filesystem} connector on local files: a partitioned CSV table written from VALUES
 * lands in Hive-style directories with the golden lines (no partition columns in them) and reads back
 * with the partition values; a streaming INSERT into a partitioned JSON table survives an injected
 * failure with every row in its directory exactly once; {@code source.monitor-interval} picks up a
 * file that appears while the query runs; bad options fail naming the table.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileSystemTableTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @TempDir
    Path dir;

    private static StreamTableEnvironment tables(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(50);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(config);
        return StreamTableEnvironment.create(env);
    }

    /** The lines of every visible file under {@code root}, by directory relative to it, sorted. */
    private static Map<String, List<String>> linesByDirectory(Path root) throws IOException {
        Map<String, List<String>> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                String directory = root.relativize(file.getParent()).toString().replace('\\', '/');
                lines.computeIfAbsent(directory, d -> new ArrayList<>()).addAll(Files.readAllLines(file));
            }
        }
        lines.values().forEach(l -> l.sort(null));
        return lines;
    }

    private static List<String> collect(CloseableIterator<Row> rows) throws Exception {
        List<String> result = new ArrayList<>();
        try (rows) {
            rows.forEachRemaining(row -> result.add(row.toString()));
        }
        result.sort(null);
        return result;
    }

    @Test
    void aPartitionedCsvTableIsWrittenIntoHiveDirectoriesAndReadBack() throws Exception {
        StreamTableEnvironment tables = tables(2);
        tables.executeSql("CREATE TEMPORARY VIEW orders (id, customer, amount, dt, hr) AS VALUES"
                + " (1, 'ann', 10, '2026-12-01', 9), (2, 'bob', 20, '2026-12-01', 9),"
                + " (3, 'cy', 30, '2026-12-01', 10), (4, 'dee', 40, '2026-12-02', 9),"
                + " (5, 'ed', 50, '2026-12-02', CAST(NULL AS INT))");
        tables.executeSql("CREATE TABLE sales (id INT, customer STRING, amount INT, dt STRING, hr INT)"
                + " PARTITIONED BY (dt, hr) WITH ('connector' = 'filesystem', 'path' = '" + dir.toUri()
                + "', 'format' = 'csv')");
        tables.executeSql("INSERT INTO sales SELECT id, customer, amount, dt, hr FROM orders").await();

        assertEquals(Map.of(
                "dt=2026-12-01/hr=9", List.of("1,ann,10", "2,bob,20"),
                "dt=2026-12-01/hr=10", List.of("3,cy,30"),
                "dt=2026-12-02/hr=9", List.of("4,dee,40"),
                "dt=2026-12-02/hr=__DEFAULT_PARTITION__", List.of("5,ed,50")), linesByDirectory(dir));

        assertEquals(List.of("+I[1, ann, 10, 2026-12-01, 9]", "+I[2, bob, 20, 2026-12-01, 9]",
                        "+I[4, dee, 40, 2026-12-02, 9]"),
                collect(tables.executeSql("SELECT id, customer, amount, dt, hr FROM sales WHERE hr = 9").collect()));
        assertEquals(List.of("+I[2026-12-02, 50, null]"),
                collect(tables.executeSql("SELECT dt, amount, hr FROM sales WHERE hr IS NULL").collect()));
    }

    @Test
    void insertOverwriteReplacesTheTableOrOnlyTheWrittenPartitions() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        StreamTableEnvironment tables = StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
        Path partitioned = dir.resolve("partitioned");
        Path plain = dir.resolve("plain");
        tables.executeSql("CREATE TABLE p (id INT, name STRING, dt STRING) PARTITIONED BY (dt) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + partitioned.toUri() + "', 'format' = 'csv')");
        tables.executeSql("CREATE TABLE u (id INT, name STRING) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + plain.toUri() + "', 'format' = 'csv')");
        tables.executeSql("INSERT INTO p VALUES (1, 'a', 'x'), (2, 'b', 'x'), (3, 'c', 'y')").await();
        tables.executeSql("INSERT INTO u VALUES (1, 'a'), (2, 'b')").await();
        tables.executeSql("INSERT INTO u VALUES (3, 'c')").await();

        tables.executeSql("INSERT OVERWRITE p VALUES (4, 'd', 'x'), (5, 'e', 'z')").await();
        tables.executeSql("INSERT OVERWRITE u SELECT id * 10, name FROM u WHERE id > 1").await();

        assertEquals(Map.of("dt=x", List.of("4,d"), "dt=y", List.of("3,c"), "dt=z", List.of("5,e")),
                linesByDirectory(partitioned), "the written partitions replaced, the others kept");
        assertEquals(Map.of("", List.of("20,b", "30,c")), linesByDirectory(plain), "the whole table replaced");
        assertEquals(List.of("+I[20, b]", "+I[30, c]"), collect(tables.executeSql("SELECT id, name FROM u").collect()));
    }

    @Test
    void staticPartitionsGiveTheirColumnsAndTheQueryTheRestAlsoWithOverwrite() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        StreamTableEnvironment tables = StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
        tables.executeSql("CREATE TABLE p (id INT, name STRING, dt STRING, hr INT) PARTITIONED BY (dt, hr) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + dir.toUri() + "', 'format' = 'csv')");
        tables.executeSql("INSERT INTO p PARTITION (dt = '2026-12-04', hr = 9) VALUES (1, 'a'), (2, 'b')").await();
        tables.executeSql("INSERT INTO p PARTITION (dt = '2026-12-04') SELECT id, name, hr FROM (VALUES (3, 'c', 10),"
                + " (4, 'd', 9)) AS v(id, name, hr)").await();
        tables.executeSql("INSERT INTO p PARTITION (dt = '2026-12-05', hr = 0) (name, id) VALUES ('e', 5)").await();
        assertEquals(Map.of("dt=2026-12-04/hr=9", List.of("1,a", "2,b", "4,d"), "dt=2026-12-04/hr=10", List.of("3,c"),
                "dt=2026-12-05/hr=0", List.of("5,e")), linesByDirectory(dir));

        tables.executeSql("INSERT OVERWRITE p PARTITION (dt = '2026-12-04', hr = 9) SELECT id * 10, name FROM p"
                + " WHERE dt = '2026-12-04' AND hr = 9 AND id < 4").await();
        assertEquals(Map.of("dt=2026-12-04/hr=9", List.of("10,a", "20,b"), "dt=2026-12-04/hr=10", List.of("3,c"),
                "dt=2026-12-05/hr=0", List.of("5,e")), linesByDirectory(dir), "only the static partition replaced");
        assertEquals(List.of("+I[10, a, 2026-12-04, 9]", "+I[20, b, 2026-12-04, 9]", "+I[3, c, 2026-12-04, 10]",
                "+I[5, e, 2026-12-05, 0]"), collect(tables.executeSql("SELECT id, name, dt, hr FROM p").collect()));

        tables.executeSql("INSERT OVERWRITE p PARTITION (dt = '2026-12-05', hr = 0) SELECT id, name FROM p"
                + " WHERE id > 100").await();
        assertEquals(Map.of("dt=2026-12-04/hr=9", List.of("10,a", "20,b"), "dt=2026-12-04/hr=10", List.of("3,c")),
                linesByDirectory(dir), "a static partition overwritten by no rows is emptied, as in Flink");

        ValidationException e = assertThrows(ValidationException.class, () -> tables.executeSql(
                "INSERT INTO p PARTITION (dt = 'x') SELECT 1, 'a'").await());
        assertTrue(e.getMessage().contains("does not equal number of source items"),
                e.getMessage());
    }

    @Test
    void anInsertWritesThePersistedColumnsOnlyAndTakesOptionsHintsOnItsTarget() throws Exception {
        StreamTableEnvironment tables = tables(1);
        Path csv = dir.resolve("csv");
        tables.executeSql("CREATE TABLE t (id INT NOT NULL, doubled AS id * 2, name STRING,"
                + " file_name STRING NOT NULL METADATA FROM 'file.name' VIRTUAL, shout AS UPPER(name)) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + csv.toUri() + "', 'format' = 'csv')");
        tables.executeSql("INSERT INTO t SELECT id, name FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, name)").await();
        tables.executeSql("INSERT INTO t (name, id) VALUES ('c', 3)").await();
        tables.executeSql("INSERT INTO t /*+ OPTIONS('format' = 'json') */ VALUES (4, 'd')").await();
        List<String> lines = linesByDirectory(csv).get("");
        assertEquals(List.of("1,a", "2,b", "3,c", "{\"id\":4,\"name\":\"d\"}"), lines,
                "physical columns only; the hinted INSERT wrote JSON");
        assertEquals(List.of("+I[1, 2, A]", "+I[3, 6, C]"), collect(tables.executeSql(
                "SELECT id, doubled, shout FROM t /*+ OPTIONS('csv.ignore-parse-errors' = 'true') */ WHERE id IN (1, 3)")
                .collect()));
    }

    @Test
    void aLookupJoinFindsRowsOfAPartitionedCsvTableByAComputedKey() throws Exception {
        Files.createDirectories(dir.resolve("side/region=eu"));
        Files.createDirectories(dir.resolve("side/region=us"));
        Files.writeString(dir.resolve("side/region=eu/a.csv"), "0,zero\n1,one\n");
        Files.writeString(dir.resolve("side/region=us/b.csv"), "2,two\n1,uno\n");
        Files.writeString(dir.resolve("side/region=us/.hidden.csv"), "3,three\n");
        Files.createDirectories(dir.resolve("bids"));
        Files.writeString(dir.resolve("bids/bids.csv"), "10,100\n11,101\n13,103\n21,104\n");
        StreamTableEnvironment tables = tables(2);
        tables.executeSql("CREATE TABLE side (key BIGINT, `value` STRING, region STRING) PARTITIONED BY (region)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("side").toUri() + "', 'format' = 'csv',"
                + " 'lookup.join.cache.ttl' = '1 h')");
        tables.executeSql("CREATE TABLE bids (auction BIGINT, price BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("bids").toUri() + "', 'format' = 'csv')");
        assertEquals(List.of("+I[10, 100, 0, zero, eu]", "+I[11, 101, 1, one, eu]", "+I[11, 101, 1, uno, us]",
                        "+I[21, 104, 1, one, eu]", "+I[21, 104, 1, uno, us]"),
                collect(tables.executeSql("SELECT B.auction, B.price, S.key, S.`value`, S.region"
                        + " FROM (SELECT *, PROCTIME() AS p_time FROM bids) B"
                        + " JOIN side FOR SYSTEM_TIME AS OF B.p_time AS S ON MOD(B.auction, 10) = S.key").collect()));
        assertEquals(List.of("+I[13, null]", "+I[21, two]"),
                collect(tables.executeSql("SELECT B.auction, S.`value` FROM (SELECT *, PROCTIME() AS p_time FROM bids) B"
                        + " LEFT JOIN side FOR SYSTEM_TIME AS OF B.p_time AS S ON B.auction - 19 = S.key AND S.region = 'us'"
                        + " WHERE B.auction > 12").collect()));
    }

    @Test
    void metadataColumnsReadTheFilesPathNameSizeAndModificationTime() throws Exception {
        Path partition = Files.createDirectories(dir.resolve("dt=x"));
        Files.writeString(partition.resolve("one.csv"), "1,a\n2,b\n");
        Files.setLastModifiedTime(partition.resolve("one.csv"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE t (id INT, size BIGINT METADATA FROM 'file.size' VIRTUAL,"
                + " name STRING, `file.name` STRING METADATA VIRTUAL, dt STRING,"
                + " path STRING METADATA FROM 'file.path', modified TIMESTAMP_LTZ(3) METADATA FROM 'file.modification-time',"
                + " bigger AS size * 10) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '" + dir.toUri()
                + "', 'format' = 'csv')");
        List<String> rows = collect(tables.executeSql(
                "SELECT id, size, name, `file.name`, dt, bigger, modified, path LIKE '%/dt=x/one.csv' FROM t").collect());
        assertEquals(List.of("+I[1, 8, a, one.csv, x, 80, 2023-11-14T22:13:20Z, true]",
                "+I[2, 8, b, one.csv, x, 80, 2023-11-14T22:13:20Z, true]"), rows);

        ValidationException e = assertThrows(ValidationException.class, () -> {
            tables.executeSql("CREATE TABLE bad (id INT, k STRING METADATA FROM 'file.owner') WITH ("
                    + " 'connector' = 'filesystem', 'path' = '" + dir.toUri() + "', 'format' = 'csv')");
            tables.executeSql("SELECT * FROM bad").collect().close();
        });
        assertTrue(e.getMessage().contains("reads key 'file.owner', which connector 'filesystem' does not have; its "
                + "readable keys are [file.path, file.name, file.size, file.modification-time]"), e.getMessage());
    }

    @Test
    void writingFileMetadataIsRefusedWithFlinksMessage() {
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE t (id INT, path STRING METADATA FROM 'file.path') WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + dir.toUri() + "', 'format' = 'csv')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> tables.executeSql("INSERT INTO t VALUES (1, 'x')"));
        assertEquals(13, e.column(), e.getMessage()); // shown at the INSERT's target
        assertTrue(e.detail().startsWith("Table 'default_catalog.default_database.t' declares persistable metadata "
                + "columns, but the underlying DynamicTableSink doesn't implement the SupportsWritingMetadata "
                + "interface. If the column should not be persisted, it can be declared with the VIRTUAL keyword."),
                e.getMessage());
        assertTrue(e.getMessage().contains("declare it `path STRING METADATA FROM 'file.path' VIRTUAL`"), e.getMessage());
    }

    @Test
    void insertOverwriteIsRefusedInStreamingMode() {
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE u (id INT) WITH ('connector' = 'filesystem', 'path' = '" + dir.toUri()
                + "', 'format' = 'csv')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> tables.executeSql("INSERT OVERWRITE u VALUES (1)"));
        assertTrue(e.getMessage().contains("overwriting runs in BATCH mode only"), e.getMessage());
    }

    @Test
    void aStreamingInsertIntoPartitionedJsonFilesIsExactlyOnceAcrossAFailure() throws Exception {
        NumbersFailingOnceTableFactory.FAILURES.set(0);
        NumbersFailingOnceTableFactory.CHECKPOINT_COMPLETED.set(false);
        int rows = 3_000;
        StreamTableEnvironment tables = tables(2);
        tables.executeSql("CREATE TABLE numbers (id BIGINT, dt STRING, hr INT) WITH ("
                + " 'connector' = 'numbers-failing-once', 'rows' = '" + rows + "')");
        tables.executeSql("CREATE TABLE archive (id BIGINT, dt STRING, hr INT) PARTITIONED BY (dt) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'json',"
                + " 'sink.rolling-policy.file-size' = '4 kb', 'sink.rolling-policy.rollover-interval' = '10 min')");
        tables.executeSql("INSERT INTO archive SELECT id, dt, hr FROM numbers").await();
        assertEquals(1, NumbersFailingOnceTableFactory.FAILURES.get(), "the job failed once and recovered");

        Map<String, List<String>> expected = new TreeMap<>();
        for (long id = 0; id < rows; id++) {
            expected.computeIfAbsent("dt=" + NumbersFailingOnceTableFactory.day(id), d -> new ArrayList<>())
                    .add("{\"id\":" + id + ",\"hr\":" + NumbersFailingOnceTableFactory.hour(id) + "}");
        }
        expected.values().forEach(l -> l.sort(null));
        assertEquals(expected, linesByDirectory(dir), "every row once, in its day's directory, without dt");
        try (Stream<Path> parts = Files.list(dir.resolve("dt=2026-12-01"))) {
            assertTrue(parts.count() > 1, "files rolled at 4 kb");
        }

        Row last = null;
        try (CloseableIterator<Row> readBack = tables.executeSql("SELECT COUNT(*), COUNT(DISTINCT id), MIN(dt),"
                + " MAX(dt) FROM archive").collect()) {
            while (readBack.hasNext()) {
                last = readBack.next();
            }
        }
        assertEquals("+U[3000, 3000, 2026-12-01, 2026-12-03]", String.valueOf(last), "read back through SQL");
    }

    @Test
    void aMonitoredTableReadsFilesThatAppearWhileTheQueryRuns() throws Exception {
        Files.createDirectories(dir.resolve("dt=1"));
        Files.writeString(dir.resolve("dt=1/a.csv"), "1,x\n2,y\n");
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE incoming (id INT, name STRING, dt INT) PARTITIONED BY (dt) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'csv',"
                + " 'source.monitor-interval' = '50 ms')");
        List<String> seen = new ArrayList<>();
        try (CloseableIterator<Row> rows = tables.executeSql("SELECT id, name, dt FROM incoming").collect()) {
            seen.add(rows.next().toString());
            seen.add(rows.next().toString());
            Files.createDirectories(dir.resolve("dt=2"));
            Files.writeString(dir.resolve("dt=2/.b.csv"), "3,z\n");
            Files.move(dir.resolve("dt=2/.b.csv"), dir.resolve("dt=2/b.csv")); // appears whole
            seen.add(rows.next().toString());
        }
        seen.sort(null);
        assertEquals(List.of("+I[1, x, 1]", "+I[2, y, 1]", "+I[3, z, 2]"), seen);
    }

    @Test
    void badTablesFailNamingTheTableAndWhatToDo() throws Exception {
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE no_path (v STRING) WITH ('connector' = 'filesystem', 'format' = 'raw')");
        ValidationException missing = assertThrows(ValidationException.class,
                () -> tables.executeSql("SELECT * FROM no_path").collect().close());
        assertTrue(missing.getMessage().contains("(connector 'filesystem'): the 'path' option is missing"),
                missing.getMessage());

        tables.executeSql("CREATE TABLE typo (v STRING) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'raw', 'sink.rolling-policy.file-sise' = '1 mb')");
        ValidationException typo = assertThrows(ValidationException.class,
                () -> tables.executeSql("SELECT * FROM typo").collect().close());
        assertTrue(typo.getMessage().contains("did you mean 'sink.rolling-policy.file-size'"), typo.getMessage());

        Files.writeString(dir.resolve("stray.csv"), "1\n");
        tables.executeSql("CREATE TABLE parted (v INT, dt STRING) PARTITIONED BY (dt) WITH ("
                + " 'connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'csv')");
        Exception stray = assertThrows(Exception.class,
                () -> collect(tables.executeSql("SELECT * FROM parted").collect()));
        assertTrue(causes(stray).contains("stray.csv is not in a 'dt=<value>' directory"), causes(stray));
    }

    @Test
    void scanBadRecordPolicyFailsNamingFileAndLineOrSkipsBadLines() throws Exception {
        StreamTableEnvironment tables = tables(1);
        Files.writeString(dir.resolve("numbers.json"), "{\"n\": 1}\n{\"n\": 2}\nnot json\n{\"n\": 3}\n");
        for (String policy : List.of("fail", "skip", "dead-letter")) {
            tables.executeSql("CREATE TABLE numbers_" + policy.replace('-', '_') + " (n INT) WITH ('connector' = "
                    + "'filesystem', 'path' = '" + dir + "', 'format' = 'json', 'scan.bad-record.policy' = '" + policy
                    + "')");
        }
        Exception failed = assertThrows(Exception.class,
                () -> collect(tables.executeSql("SELECT n FROM numbers_fail").collect()));
        assertTrue(causes(failed).contains("numbers.json, line 3: ") && causes(failed).contains("'scan.bad-record.policy'"),
                causes(failed));
        assertEquals(List.of("+I[1]", "+I[2]", "+I[3]"),
                collect(tables.executeSql("SELECT n FROM numbers_skip").collect()));
        ValidationException deadLetter = assertThrows(ValidationException.class,
                () -> tables.executeSql("SELECT n FROM numbers_dead_letter").collect().close());
        assertTrue(deadLetter.getMessage().contains("'dead-letter' is not offered by the filesystem connector"),
                deadLetter.getMessage());
    }

    private static String causes(Throwable t) {
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
