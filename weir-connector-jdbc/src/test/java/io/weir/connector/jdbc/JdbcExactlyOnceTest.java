package io.weir.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Types;
import io.weir.testutils.InjectedFailure;
import io.weir.testutils.MiniClusterExtension;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exactly-once sink on PostgreSQL's prepared transactions: a plain (not idempotent) INSERT
 * after a failure and a restore leaves every record once, and nothing stays prepared.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcExactlyOnceTest {
    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres(Map.of("max_prepared_transactions", "20"));

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static JdbcExactlyOnceSink<Long> insertOnce(String table, String prefix) {
        return JdbcSink.<Long>builder()
                .withQueryStatement("INSERT INTO " + table + " (id) VALUES (?)", (statement, id) -> statement.setLong(1, id))
                .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(100).build())
                .buildExactlyOnce(JdbcExactlyOnceOptions.builder().withTransactionIdPrefix(prefix).build(),
                        POSTGRES.connectionOptions());
    }

    @Test
    void aPlainInsertAfterAFailureAndARestoreHoldsEveryRecordOnce() throws Exception {
        POSTGRES.execute("CREATE TABLE once (id BIGINT)"); // no key: a record written twice would show
        InjectedFailure.reset();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        InjectedFailure.checkpointAndRestartQuickly(env);
        env.fromSource(new DataGeneratorSource<>(i -> i, 4000, RateLimiterStrategy.perCheckpoint(400), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .map(new InjectedFailure.FailOnce(1500))
                .sinkTo(insertOnce("once", "once_test"));
        env.execute("exactly once");

        assertEquals(1, InjectedFailure.FAILURES.get(), "the failure was injected");
        assertEquals(List.of("4000|4000|7998000"), POSTGRES.rows("SELECT count(*), count(DISTINCT id), sum(id) FROM once"));
        assertEquals(List.of("0"), POSTGRES.rows("SELECT count(*) FROM pg_prepared_xacts"), "nothing left prepared");
    }

    @Test
    void aRestartedWriterRollsBackWhatAFailedAttemptPreparedAfterItsCheckpoint() throws Exception {
        POSTGRES.execute("CREATE TABLE lingering (id BIGINT)");
        try (Connection connection = POSTGRES.connect()) {
            // what a failed attempt of subtask 0 left: transaction 3 prepared after the checkpoint the job restores
            connection.setAutoCommit(false);
            connection.createStatement().execute("INSERT INTO lingering VALUES (-1)");
            connection.createStatement().execute("PREPARE TRANSACTION 'linger_test-0-3'");
        }
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSequence(1, 10).sinkTo(insertOnce("lingering", "linger_test"));
        env.execute("fresh start");

        assertEquals(List.of("10|55"), POSTGRES.rows("SELECT count(*), sum(id) FROM lingering"));
        assertEquals(List.of("0"), POSTGRES.rows("SELECT count(*) FROM pg_prepared_xacts"));
    }

    @Test
    void recordsAreInvisibleUntilTheirCheckpointCompletes() throws Exception {
        POSTGRES.execute("CREATE TABLE hidden (id BIGINT)");
        PreparedTransactionWriter<Long> writer = (PreparedTransactionWriter<Long>) insertOnce("hidden", "hidden_test")
                .restoreWriter(new WriterContextForTest(), List.of());
        try (writer) {
            writer.write(1L, null);
            writer.write(2L, null);
            writer.flush(false);
            assertEquals(0, POSTGRES.count("hidden"), "written, not committed");
            List<String> prepared = List.copyOf(writer.prepareCommit());
            assertEquals(List.of("hidden_test-0-0"), prepared);
            assertEquals(0, POSTGRES.count("hidden"), "prepared, not committed");
            assertEquals(List.of(1L), writer.snapshotState(1));
            try (PreparedTransactionCommitter committer = new PreparedTransactionCommitter(
                    new JdbcConnectionProvider(POSTGRES.connectionOptions(), getClass().getClassLoader()))) {
                CommitRequests requests = new CommitRequests(prepared);
                committer.commit(requests.all());
                assertEquals(2, POSTGRES.count("hidden"));
                committer.commit(requests.all()); // again, as after a restore
                assertEquals(1, requests.alreadyCommitted(), "the second commit found it committed");
                assertEquals(0, requests.failed());
                assertEquals(2, POSTGRES.count("hidden"));
            }
        }
    }
}
