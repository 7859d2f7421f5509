package io.weir.sql.api;

import static io.weir.sql.api.Expressions.$;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
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
 * The typed and changelog conversions between DataStreams and tables on a MiniCluster, at
 * parallelism 1 and 2: {@code toDataStream(table, Class)} and {@code (table, DataType)} (columns to
 * fields by name, errors naming what does not match), {@code fromChangelogStream} (retract and
 * upsert streams) round-tripped through a group aggregate and {@code toChangelogStream}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DataStreamConversionTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    public record Click(String usr, String page, long time) {
    }

    /** A POJO target: public no-argument constructor and fields. */
    public static class Visit {
        public String usr;
        public Long seconds;

        public Visit() {
        }

        @Override
        public String toString() {
            return usr + "@" + seconds;
        }
    }

    private static final List<Click> CLICKS = List.of(
            new Click("ann", "home", 1_000), new Click("bob", "cart", 2_000), new Click("ann", "cart", 4_000));

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    private static <T> List<String> collect(DataStream<T> stream) throws Exception {
        List<String> result = collectInOrder(stream);
        result.sort(null);
        return result;
    }

    /** In arrival order: the changes of one key (one aggregate subtask) arrive in the order they were made. */
    private static <T> List<String> collectInOrder(DataStream<T> stream) throws Exception {
        List<String> result = new ArrayList<>();
        try (CloseableIterator<T> iterator = stream.executeAndCollect()) {
            iterator.forEachRemaining(value -> result.add(String.valueOf(value)));
        }
        return result;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void columnsBecomeTheFieldsOfARecordAndOfAPojoByName(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table clicks = tableEnv.fromDataStream(env.fromData(CLICKS));
        // Columns in another order than the record's components: matched by name, not position.
        Table reordered = clicks.select($("time").plus(1), $("page"), $("usr")).as("time", "page", "usr");
        assertEquals(List.of("Click[usr=ann, page=cart, time=4001]", "Click[usr=ann, page=home, time=1001]",
                "Click[usr=bob, page=cart, time=2001]"), collect(tableEnv.toDataStream(reordered, Click.class)));

        Table visits = tableEnv.sqlQuery("SELECT `time` / 1000 AS seconds, usr FROM " + clicks);
        assertEquals(List.of("ann@1", "ann@4", "bob@2"), collect(tableEnv.toDataStream(visits, Visit.class)));
    }

    @Test
    void oneColumnBecomesAnAtomicTypeAndADataTypeNamesTheTarget() throws Exception {
        StreamExecutionEnvironment env = env(1);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table clicks = tableEnv.fromDataStream(env.fromData(CLICKS));
        DataStream<String> users = tableEnv.toDataStream(clicks.select($("usr")), String.class);
        assertEquals(List.of("ann", "ann", "bob"), collect(users));
        DataStream<Long> times = tableEnv.toDataStream(clicks.select($("time")), DataTypes.BIGINT());
        assertEquals(List.of("1000", "2000", "4000"), collect(times));
        DataStream<Click> records = tableEnv.toDataStream(clicks, DataTypes.of(Click.class));
        assertEquals(3, collect(records).size());
    }

    @Test
    void columnsAndFieldsThatDoNotMatchAreNamed() {
        StreamExecutionEnvironment env = env(1);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table clicks = tableEnv.fromDataStream(env.fromData(CLICKS));
        ValidationException names = assertThrows(ValidationException.class,
                () -> tableEnv.toDataStream(clicks.select($("usr"), $("page")), Visit.class));
        assertTrue(names.getMessage().contains("fields without a column [seconds]")
                && names.getMessage().contains("columns without a field [page]"), names.getMessage());
        ValidationException types = assertThrows(ValidationException.class,
                () -> tableEnv.toDataStream(clicks.select($("page").as("seconds"), $("usr")), Visit.class));
        assertTrue(types.getMessage().contains("column 'seconds'") && types.getMessage().contains("field 'seconds'"),
                types.getMessage());
        ValidationException atomic = assertThrows(ValidationException.class,
                () -> tableEnv.toDataStream(clicks, Long.class));
        assertTrue(atomic.getMessage().contains("one column"), atomic.getMessage());
    }

    private static final TypeInformation<Row> ACCOUNT = Types.ROW_NAMED(new String[] {"name", "balance"},
            Types.STRING, Types.LONG);

    /**
     * A retract changelog in, a SUM per name out: the -U/-D of the input retract from the sums, and
     * the result's changelog folds to the sums of the rows that remain.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRetractChangelogRoundTripsThroughAnAggregate(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Row> changes = env.fromData(List.of(
                Row.ofKind(RowKind.INSERT, "alice", 12L), Row.ofKind(RowKind.INSERT, "bob", 5L),
                Row.ofKind(RowKind.UPDATE_BEFORE, "alice", 12L), Row.ofKind(RowKind.UPDATE_AFTER, "alice", 100L),
                Row.ofKind(RowKind.INSERT, "alice", 1L), Row.ofKind(RowKind.DELETE, "bob", 5L)), ACCOUNT)
                .setParallelism(1);
        tableEnv.createTemporaryView("accounts", tableEnv.fromChangelogStream(changes));
        Table sums = tableEnv.sqlQuery("SELECT name, SUM(balance) AS total FROM accounts GROUP BY name");
        List<String> changelog = collectInOrder(tableEnv.toChangelogStream(sums));
        assertEquals(List.of("alice=101"), fold(changelog), changelog.toString());
        assertTrue(changelog.stream().anyMatch(row -> row.startsWith("-D[bob")), changelog.toString());
        assertTrue(changelog.stream().anyMatch(row -> row.startsWith("-U[alice")), changelog.toString());
    }

    /** An upsert changelog (no -U) with a primary key: each +U overwrites its key's row, -D deletes it. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anUpsertChangelogIsNormalizedByItsPrimaryKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Row> changes = env.fromData(List.of(
                Row.ofKind(RowKind.INSERT, "alice", 12L), Row.ofKind(RowKind.UPDATE_AFTER, "bob", 5L),
                Row.ofKind(RowKind.UPDATE_AFTER, "alice", 100L), Row.ofKind(RowKind.UPDATE_AFTER, "alice", 100L),
                Row.ofKind(RowKind.DELETE, "bob", null), Row.ofKind(RowKind.DELETE, "carl", null),
                Row.ofKind(RowKind.UPDATE_AFTER, "dora", 7L)), ACCOUNT).setParallelism(1);
        Table accounts = tableEnv.fromChangelogStream(changes,
                Schema.newBuilder().column("name", "STRING NOT NULL").column("balance", "BIGINT")
                        .primaryKey("name").build(), ChangelogMode.upsert());
        // Every account's balance counts once: the sum over all keys is what remains after the overwrites.
        Table total = tableEnv.sqlQuery("SELECT COUNT(*) AS accounts, SUM(balance) AS total FROM " + accounts);
        List<String> changelog = collectInOrder(tableEnv.toChangelogStream(total));
        assertEquals("+U[2, 107]", changelog.get(changelog.size() - 1), changelog.toString());
        assertTrue(changelog.stream().noneMatch(row -> row.contains("3,")), "carl's delete of nothing counts: " + changelog);

        StreamTableEnvironment noKeyEnv = StreamTableEnvironment.create(env);
        ValidationException noKey = assertThrows(ValidationException.class, () -> noKeyEnv.fromChangelogStream(changes,
                Schema.derived(), ChangelogMode.upsert()));
        assertTrue(noKey.getMessage().contains("primaryKey"), noKey.getMessage());
    }

    @Test
    void aChangelogStreamNeedsRows() {
        StreamExecutionEnvironment env = env(1);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        @SuppressWarnings({"unchecked", "rawtypes"})
        DataStream<Row> notRows = (DataStream) env.fromData(List.of("a", "b"));
        ValidationException e = assertThrows(ValidationException.class, () -> tableEnv.fromChangelogStream(notRows));
        assertTrue(e.getMessage().contains("Types.ROW_NAMED"), e.getMessage());
    }

    /** Applies a changelog of two-column rows "+I[k, v]" to a map and lists "k=v" of what remains. */
    private static List<String> fold(List<String> changelog) {
        java.util.Map<String, String> state = new java.util.TreeMap<>();
        for (String row : changelog) {
            String[] fields = row.substring(3, row.length() - 1).split(", ");
            if (row.startsWith("+I") || row.startsWith("+U")) {
                state.put(fields[0], fields[1]);
            } else {
                state.remove(fields[0]);
            }
        }
        return state.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
