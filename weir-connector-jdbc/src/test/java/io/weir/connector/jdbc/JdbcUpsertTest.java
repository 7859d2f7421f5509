package io.weir.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.Types;
import io.weir.connector.jdbc.dialect.CrateDBDialect;
import io.weir.connector.jdbc.dialect.JdbcDialect;
import io.weir.connector.jdbc.dialect.PostgresDialect;
import io.weir.testutils.InjectedFailure;
import io.weir.testutils.MiniClusterExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upserts by primary key into a real PostgreSQL: the dialects' statements, changelog rows, and
 * at-least-once delivery plus idempotent upserts giving the table of a failure-free run after a
 * failure and a restore.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcUpsertTest {
    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String[] FIELDS = {"id", "name", "visits"};
    private static final String[] KEY = {"id"};

    @Test
    void upsertKeepsTheLastValueOfEveryKey() throws Exception {
        POSTGRES.execute("CREATE TABLE last_value (k BIGINT PRIMARY KEY, v BIGINT)");
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        String upsert = new PostgresDialect().getUpsertStatement("last_value", new String[] {"k", "v"}, new String[] {"k"});
        env.fromSequence(0, 999).sinkTo(JdbcSink.<Long>builder()
                .withQueryStatement(upsert, (statement, i) -> {
                    statement.setLong(1, i % 10);
                    statement.setLong(2, i);
                })
                .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(64).build())
                .buildAtLeastOnce(POSTGRES.connectionOptions()));
        env.execute("upsert");

        assertEquals(List.of("0|990", "1|991", "9|999"),
                POSTGRES.rows("SELECT k, v FROM last_value WHERE k IN (0, 1, 9) ORDER BY k"));
        assertEquals(10, POSTGRES.count("last_value"));
    }

    /** CrateDB's statements have PostgreSQL's syntax, so they run here too; CrateDB itself is not run. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "cratedb"})
    void changelogRowsUpsertAndDeleteByKey(String dialectName) throws Exception {
        JdbcDialect dialect = JdbcDialect.forName(dialectName).orElseThrow();
        String table = "visits_" + dialectName;
        POSTGRES.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name TEXT, visits BIGINT)");
        List<Row> changes = List.of(
                Row.ofKind(RowKind.INSERT, 1, "Ford", 1L),
                Row.ofKind(RowKind.INSERT, 2, "Arthur", 1L),
                Row.ofKind(RowKind.UPDATE_BEFORE, 1, "Ford", 1L),
                Row.ofKind(RowKind.UPDATE_AFTER, 1, "Ford", 2L),
                Row.ofKind(RowKind.INSERT, 3, "Zaphod", 1L),
                Row.ofKind(RowKind.DELETE, 2, "Arthur", 1L),
                Row.ofKind(RowKind.DELETE, 3, "Zaphod", 1L),
                Row.ofKind(RowKind.INSERT, 3, "Zaphod", 7L));
        for (int batchSize : new int[] {1, 3, 100}) { // one change per batch, batches cut mid-key, all in one
            POSTGRES.execute("TRUNCATE " + table);
            StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
            env.fromData(changes).sinkTo(JdbcSink.sink(new ChangelogRowBatch(dialect, table, FIELDS, KEY),
                    JdbcExecutionOptions.builder().withBatchSize(batchSize).build(), POSTGRES.connectionOptions()));
            env.execute("changelog " + batchSize);
            assertEquals(List.of("1|Ford|2", "3|Zaphod|7"),
                    POSTGRES.rows("SELECT id, name, visits FROM " + table + " ORDER BY id"), "batch size " + batchSize);
        }
    }

    @Test
    void aFailureAndRestoreLeaveTheTableOfAFailureFreeRun() throws Exception {
        POSTGRES.execute("CREATE TABLE squares_clean (id BIGINT PRIMARY KEY, square BIGINT, writes INT)",
                "CREATE TABLE squares_recovered (id BIGINT PRIMARY KEY, square BIGINT, writes INT)");
        InjectedFailure.reset();
        runSquares("squares_clean", Long.MAX_VALUE);
        InjectedFailure.reset();
        runSquares("squares_recovered", 1500);

        assertEquals(1, InjectedFailure.FAILURES.get(), "the failure was injected");
        assertEquals(4000, POSTGRES.count("squares_recovered"));
        assertEquals(POSTGRES.rows("SELECT id, square FROM squares_clean ORDER BY id"),
                POSTGRES.rows("SELECT id, square FROM squares_recovered ORDER BY id"));
    }

    /** 4000 numbers at 4000/s over 2 subtasks, checkpoints every 50 ms; fails once after {@code failAfter} per subtask. */
    private void runSquares(String table, long failAfter) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        InjectedFailure.checkpointAndRestartQuickly(env);
        // counts the writes of each row, so a replayed record shows up as writes > 1 without changing the square
        String upsert = "INSERT INTO " + table + " (id, square, writes) VALUES (?, ?, 1) "
                + "ON CONFLICT (id) DO UPDATE SET square = excluded.square, writes = " + table + ".writes + 1";
        env.fromSource(new DataGeneratorSource<>(i -> i, 4000, RateLimiterStrategy.perCheckpoint(400), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .map(new InjectedFailure.FailOnce(failAfter))
                .sinkTo(JdbcSink.sink(upsert, (statement, i) -> {
                    statement.setLong(1, i);
                    statement.setLong(2, i * i);
                }, JdbcExecutionOptions.builder().withBatchSize(300).build(), POSTGRES.connectionOptions()));
        env.execute("squares into " + table);
    }
}
