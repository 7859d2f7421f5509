package io.weir.sql.api;

import static io.weir.sql.api.Expressions.$;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DataStreams and tables turn into each other within one job on a MiniCluster, at parallelism 1
 * and 2: {@code fromDataStream} (fields as columns, the records' timestamps as rowtime with the
 * stream's own watermarks), {@code createTemporaryView}, {@code toDataStream} (insert-only, else a
 * message naming toChangelogStream) and {@code toChangelogStream} (rows with their kinds).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DataStreamBridgeTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    /** A click: who, which page, and when (epoch milliseconds). */
    public record Click(String usr, String page, long time) {
    }

    private static final List<Click> CLICKS = List.of(
            new Click("ann", "home", 1_000), new Click("bob", "cart", 2_000), new Click("ann", "cart", 4_000),
            new Click("cid", "home", 11_000), new Click("ann", "home", 12_000), new Click("bob", "home", 25_000));

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    private static List<String> collect(DataStream<Row> rows) throws Exception {
        List<String> result = new ArrayList<>();
        try (CloseableIterator<Row> iterator = rows.executeAndCollect()) {
            iterator.forEachRemaining(row -> result.add(row.toString()));
        }
        result.sort(null);
        return result;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void recordFieldsBecomeColumnsAndInsertOnlyRowsComeBackAsAStream(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table clicks = tableEnv.fromDataStream(env.fromData(CLICKS));
        assertEquals(List.of("usr", "page", "time"), clicks.getResolvedSchema().columnNames());
        assertEquals("BIGINT", clicks.getResolvedSchema().columns().get(2).type().toString());
        Table homePages = clicks.filter($("page").isEqual("home")).select($("usr"), $("time").dividedBy(1000).as("s"));
        DataStream<Row> rows = tableEnv.toDataStream(homePages);
        assertEquals(List.of("+I[ann, 12]", "+I[ann, 1]", "+I[bob, 25]", "+I[cid, 11]"), collect(rows));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void timestampsBecomeTheRowtimeAndTheStreamsWatermarksFireWindows(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Click> timed = env.fromData(CLICKS).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Click>forMonotonousTimestamps().withTimestampAssigner((click, ts) -> click.time()));
        tableEnv.createTemporaryView("clicks", timed, Schema.newBuilder()
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build());
        Table counts = tableEnv.sqlQuery("SELECT window_start, usr, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE clicks, "
                + "DESCRIPTOR(rowtime), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, usr");
        // A window aggregate is append-only: it comes back through toDataStream.
        assertEquals(List.of("+I[1970-01-01T00:00, ann, 2]", "+I[1970-01-01T00:00, bob, 1]",
                "+I[1970-01-01T00:00:10, ann, 1]", "+I[1970-01-01T00:00:10, cid, 1]",
                "+I[1970-01-01T00:00:20, bob, 1]"), collect(tableEnv.toDataStream(counts)));
        assertTrue(Arrays.asList(tableEnv.listViews()).contains("clicks"));
        assertFalse(Arrays.stream(tableEnv.listTables()).anyMatch(name -> name.startsWith("$")),
                Arrays.toString(tableEnv.listTables()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anUpdatingTableComesBackAsAChangelogAndIsRefusedAsAnInsertOnlyStream(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table perUser = tableEnv.fromDataStream(env.fromData(CLICKS))
                .groupBy($("usr")).select($("usr"), $("page").count().as("n"));
        ValidationException refused = assertThrows(ValidationException.class, () -> tableEnv.toDataStream(perUser));
        assertTrue(refused.getMessage().contains("toChangelogStream") && refused.getMessage().contains("GroupAggregate"),
                refused.getMessage());
        List<String> changes = collect(tableEnv.toChangelogStream(perUser));
        assertTrue(changes.contains("-U[ann, 1]") && changes.contains("+U[ann, 3]"), changes.toString());
        assertEquals(List.of("ann=3", "bob=2", "cid=1"), finalCounts(changes));
    }

    /** The rows a changelog of (usr, n) adds up to. */
    private static List<String> finalCounts(List<String> changes) {
        List<String> rows = new ArrayList<>();
        // Applied in a valid order: for each user, counts only grow, so sort by the count.
        changes.stream().sorted((a, b) -> Long.compare(count(a), count(b))).forEach(change -> {
            String row = change.substring(3, change.length() - 1).replace(", ", "=");
            if (change.startsWith("+I") || change.startsWith("+U")) {
                rows.removeIf(r -> r.startsWith(row.substring(0, row.indexOf('=') + 1)));
                rows.add(row);
            }
        });
        rows.sort(null);
        return rows;
    }

    private static long count(String change) {
        return Long.parseLong(change.substring(change.lastIndexOf(' ') + 1, change.length() - 1));
    }

    @Test
    void aStreamOfSingleValuesIsOneColumnF0() throws Exception {
        StreamExecutionEnvironment env = env(2);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        tableEnv.createTemporaryView("numbers", env.fromData(1L, 2L, 3L, 4L));
        Table odd = tableEnv.sqlQuery("SELECT f0 * 10 AS x FROM numbers WHERE f0 % 2 = 1");
        assertEquals(List.of("+I[10]", "+I[30]"), collect(tableEnv.toDataStream(odd)));
    }

    @Test
    void declaredColumnsPickFieldsAndAComputedColumnUsesThem() throws Exception {
        StreamExecutionEnvironment env = env(2);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.fromDataStream(env.fromData(CLICKS), Schema.newBuilder()
                .column("usr", DataTypes.STRING())
                .column("time", "BIGINT")
                .columnByExpression("seconds", "`time` / 1000")
                .build());
        assertEquals(List.of("usr", "time", "seconds"), table.getResolvedSchema().columnNames());
        assertEquals(List.of("+I[ann, 4000, 4]", "+I[bob, 2000, 2]"),
                collect(tableEnv.toDataStream(table.filter($("seconds").isLess(5)).filter($("seconds").isGreater(1)))));
    }

    @Test
    void aRowtimeWithoutTimestampsFailsTheJobAndSaysHowToGiveThem() {
        StreamExecutionEnvironment env = env(1);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.fromDataStream(env.fromData(CLICKS), Schema.newBuilder()
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").build());
        Exception failure = assertThrows(Exception.class, () -> collect(tableEnv.toDataStream(table)));
        assertTrue(causes(failure).contains("has no timestamp") && causes(failure).contains("assignTimestampsAndWatermarks"),
                causes(failure));
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void badSchemasAreRefusedWithWhatToChange() {
        StreamExecutionEnvironment env = env(1);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Click> clicks = env.fromData(CLICKS);
        ValidationException unknown = assertThrows(ValidationException.class, () -> tableEnv.fromDataStream(clicks,
                Schema.newBuilder().column("user", "STRING").build()));
        assertTrue(unknown.getMessage().contains("no such field; its fields are [usr, page, time]"), unknown.getMessage());
        ValidationException wrongType = assertThrows(ValidationException.class, () -> tableEnv.fromDataStream(clicks,
                Schema.newBuilder().column("time", "STRING").build()));
        assertTrue(wrongType.getMessage().contains("column 'time' is declared STRING, but the stream's field holds "
                + "BIGINT values"), wrongType.getMessage());
        ValidationException key = assertThrows(ValidationException.class, () -> tableEnv.fromDataStream(clicks,
                Schema.newBuilder().columnByMetadata("offset", "BIGINT").build()));
        assertTrue(key.getMessage().contains("only the metadata key 'rowtime'"), key.getMessage());
        ValidationException otherEnv = assertThrows(ValidationException.class,
                () -> tableEnv.fromDataStream(StreamExecutionEnvironment.getExecutionEnvironment().fromData(1, 2)));
        assertTrue(otherEnv.getMessage().contains("another StreamExecutionEnvironment"), otherEnv.getMessage());
    }
}
