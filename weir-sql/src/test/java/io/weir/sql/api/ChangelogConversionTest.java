package io.weir.sql.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code toChangelogStream(table, schema[, mode])} and the data-type targets of {@code toDataStream}
 * on a MiniCluster at parallelism 1 and 2: the target schema's columns picked and cast by name, an
 * upsert mode giving the full changelog without its {@code -U} rows, and misuses named.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChangelogConversionTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    public record Click(String usr, String page, long time) {
    }

    /** A POJO with an Integer field, which a BIGINT column fills only when cast. */
    public static class Visit {
        public String usr;
        public Integer seconds;

        public Visit() {
        }

        @Override
        public String toString() {
            return usr + "@" + seconds;
        }
    }

    private static final List<Click> CLICKS = List.of(new Click("ann", "home", 1_000), new Click("bob", "cart", 2_000),
            new Click("ann", "cart", 4_000), new Click("ann", "home", 5_000));

    private static StreamTableEnvironment tableEnv(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        tableEnv.createTemporaryView("clicks", env.fromData(CLICKS));
        return tableEnv;
    }

    /** The records' text, sorted: the changes of one key arrive in order, those of different keys interleave. */
    private static List<String> collect(DataStream<?> stream) throws Exception {
        List<String> result = new ArrayList<>();
        try (CloseableIterator<?> iterator = stream.executeAndCollect()) {
            iterator.forEachRemaining(value -> result.add(String.valueOf(value)));
        }
        result.sort(null);
        return result;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theTargetSchemaPicksAndCastsColumnsByName(int parallelism) throws Exception {
        StreamTableEnvironment tableEnv = tableEnv(parallelism);
        Table counts = tableEnv.sqlQuery("SELECT usr, COUNT(*) AS n, MAX(`time`) AS latest FROM clicks GROUP BY usr");
        DataStream<Row> changes = tableEnv.toChangelogStream(counts, Schema.newBuilder()
                .column("n", DataTypes.INT()).column("usr", DataTypes.STRING()).build());
        List<String> expected = collect(tableEnv.toChangelogStream(
                tableEnv.sqlQuery("SELECT CAST(COUNT(*) AS INT) AS n, usr FROM clicks GROUP BY usr")));
        assertEquals(List.of("+I[1, ann]", "+I[1, bob]", "+U[2, ann]", "+U[3, ann]", "-U[1, ann]", "-U[2, ann]"),
                expected);
        assertEquals(expected, collect(changes));
        assertEquals(collect(tableEnv.toChangelogStream(counts)),
                collect(tableEnv.toChangelogStream(counts, Schema.derived())), "a schema without columns keeps all");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void upsertModeDropsTheUpdateBeforeRows(int parallelism) throws Exception {
        StreamTableEnvironment tableEnv = tableEnv(parallelism);
        Table counts = tableEnv.sqlQuery("SELECT usr, COUNT(*) AS n FROM clicks GROUP BY usr");
        List<String> all = collect(tableEnv.toChangelogStream(counts));
        List<String> upsert = collect(tableEnv.toChangelogStream(counts,
                Schema.newBuilder().column("usr", "STRING").column("n", "BIGINT").primaryKey("usr").build(),
                ChangelogMode.upsert()));
        assertEquals(all.stream().filter(row -> !row.startsWith("-U")).toList(), upsert);
        assertEquals(List.of("+I[ann, 1]", "+I[bob, 1]", "+U[ann, 2]", "+U[ann, 3]"), upsert);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rowAndStructuredTypesNameTheFieldsAndTheirTypes(int parallelism) throws Exception {
        StreamTableEnvironment tableEnv = tableEnv(parallelism);
        Table visits = tableEnv.sqlQuery("SELECT usr, `time` / 1000 AS seconds FROM clicks");
        DataStream<Row> rows = tableEnv.toDataStream(visits,
                DataTypes.ROW(DataTypes.FIELD("seconds", DataTypes.INT()), DataTypes.FIELD("usr", DataTypes.STRING())));
        assertEquals(collect(tableEnv.toDataStream(
                tableEnv.sqlQuery("SELECT CAST(`time` / 1000 AS INT) AS seconds, usr FROM clicks"))), collect(rows));
        assertEquals(List.of("+I[1, ann]", "+I[2, bob]", "+I[4, ann]", "+I[5, ann]"), collect(rows));

        // the BIGINT column fills the Integer field once the declared field casts it
        ValidationException uncast = assertThrows(ValidationException.class,
                () -> tableEnv.toDataStream(visits, DataTypes.of(Visit.class)));
        assertTrue(uncast.getMessage().contains("column 'seconds'"), uncast.getMessage());
        DataStream<Visit> objects = tableEnv.toDataStream(visits,
                DataTypes.STRUCTURED(Visit.class, DataTypes.FIELD("seconds", DataTypes.INT())));
        assertEquals(List.of("ann@1", "ann@4", "ann@5", "bob@2"), collect(objects));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aComputedRowtimeWithAWatermarkExpressionWindowsAStream(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table clicks = tableEnv.fromDataStream(env.fromData(CLICKS), Schema.newBuilder()
                .column("usr", "STRING").column("page", "STRING").column("time", "BIGINT")
                .columnByExpression("ts", "TO_TIMESTAMP_LTZ(`time`, 3)")
                // the watermark computed from the rows (TIMESTAMP_LTZ minus an INTERVAL does not compile yet)
                .watermark("ts", "ts")
                .build());
        Table counts = clicks.window(Tumble.over(Expressions.lit(2).seconds()).on(Expressions.$("ts")).as("w"))
                .groupBy(Expressions.$("w"), Expressions.$("usr"))
                .select(Expressions.$("usr"), Expressions.$("w").end().as("e"), Expressions.$("page").count().as("n"));
        assertEquals(List.of("+I[ann, 1970-01-01T00:00:02, 1]", "+I[ann, 1970-01-01T00:00:06, 2]",
                "+I[bob, 1970-01-01T00:00:04, 1]"), collect(tableEnv.toDataStream(counts)));
    }

    @Test
    void aProcessingTimeWindowHasAProctime() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table clicks = tableEnv.fromDataStream(env.fromData(CLICKS), Schema.newBuilder()
                .column("usr", "STRING").column("page", "STRING").column("time", "BIGINT")
                .columnByExpression("pt", "PROCTIME()").build());
        Table counts = clicks.window(Tumble.over(Expressions.lit(1).hours()).on(Expressions.$("pt")).as("w"))
                .groupBy(Expressions.$("w"), Expressions.$("usr"))
                .select(Expressions.$("usr"), Expressions.$("w").proctime().as("t"), Expressions.$("page").count().as("n"));
        assertEquals(List.of("usr", "t", "n"), counts.getResolvedSchema().columnNames());
        assertTrue(counts.explain().contains("TUMBLE"), counts.explain());
    }

    @Test
    void misusesOfTheTargetTypesAreNamed() {
        StreamTableEnvironment tableEnv = tableEnv(1);
        Table visits = tableEnv.sqlQuery("SELECT usr, `time` / 1000 AS seconds FROM clicks");
        ValidationException names = assertThrows(ValidationException.class, () -> tableEnv.toDataStream(visits,
                DataTypes.ROW(DataTypes.FIELD("user", DataTypes.STRING()), DataTypes.FIELD("seconds", DataTypes.INT()))));
        assertTrue(names.getMessage().contains("fields without a column [user]; columns without a field [usr]"),
                names.getMessage());
        // A stream of other records than Rows, passed as one (Flink's signature takes DataStream<Row> only).
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment streamTables = StreamTableEnvironment.create(env);
        @SuppressWarnings({"unchecked", "rawtypes"})
        DataStream<Row> clicks = (DataStream) env.fromData(CLICKS);
        ValidationException notRows = assertThrows(ValidationException.class,
                () -> streamTables.fromChangelogStream(clicks));
        assertTrue(notRows.getMessage().contains("a changelog stream is a stream of Rows"), notRows.getMessage());
    }

    @Test
    void misusesOfTheTargetSchemaAndModeAreNamed() throws Exception {
        StreamTableEnvironment tableEnv = tableEnv(1);
        Table counts = tableEnv.sqlQuery("SELECT usr, COUNT(*) AS n FROM clicks GROUP BY usr");
        ValidationException unknown = assertThrows(ValidationException.class, () -> tableEnv.toChangelogStream(counts,
                Schema.newBuilder().column("user", "STRING").build()));
        assertTrue(unknown.getMessage().contains("'user' is none of the table's columns [usr, n]"), unknown.getMessage());
        ValidationException key = assertThrows(ValidationException.class, () -> tableEnv.toChangelogStream(counts,
                Schema.newBuilder().primaryKey("id").build(), ChangelogMode.upsert()));
        assertTrue(key.getMessage().contains("primary key column 'id'"), key.getMessage());
        ValidationException insertOnly = assertThrows(ValidationException.class,
                () -> tableEnv.toChangelogStream(counts, Schema.derived(), ChangelogMode.insertOnly()));
        assertTrue(insertOnly.getMessage().contains("toChangelogStream"), insertOnly.getMessage());
        // an insert-only table in insert-only mode is its rows
        assertEquals(List.of("+I[ann]", "+I[ann]", "+I[ann]", "+I[bob]"), collect(tableEnv.toChangelogStream(
                tableEnv.sqlQuery("SELECT usr FROM clicks"), Schema.derived(), ChangelogMode.insertOnly())));
    }
}
