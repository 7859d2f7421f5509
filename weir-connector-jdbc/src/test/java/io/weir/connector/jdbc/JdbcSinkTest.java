package io.weir.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.testutils.MiniClusterExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JdbcSink jobs on a MiniCluster writing into a real PostgreSQL, checked by querying the table. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JdbcSinkTest {
    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** Set by the statement builder of {@link #survivesTheDatabaseEndingTheSinksConnection}; shared because functions are copied. */
    private static final AtomicBoolean TERMINATED = new AtomicBoolean();
    private static final AtomicInteger TERMINATED_SESSIONS = new AtomicInteger();

    private static JdbcExecutionOptions batches(int size) {
        return JdbcExecutionOptions.builder().withBatchSize(size).withMaxRetries(3).withRetryBackoffMs(10).build();
    }

    @Test
    void writesEveryRecordFromEverySubtask() throws Exception {
        POSTGRES.execute("CREATE TABLE plain (id BIGINT, label TEXT)");
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(1, 10_000).sinkTo(JdbcSink.sink("INSERT INTO plain (id, label) VALUES (?, ?)",
                (statement, id) -> {
                    statement.setLong(1, id);
                    statement.setString(2, "n" + id);
                }, batches(700), POSTGRES.connectionOptions()));
        env.execute("plain insert");

        assertEquals(List.of("10000|10000|50005000"),
                POSTGRES.rows("SELECT count(*), count(DISTINCT id), sum(id) FROM plain"));
        assertEquals(List.of("n77"), POSTGRES.rows("SELECT label FROM plain WHERE id = 77"));
    }

    @Test
    void aConstraintViolationFailsTheJobNamingTheRecordAndIsNotRetried() throws Exception {
        POSTGRES.execute("CREATE TABLE unique_ids (id BIGINT PRIMARY KEY)", "INSERT INTO unique_ids VALUES (5)");
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSequence(1, 8).sinkTo(JdbcSink.sink("INSERT INTO unique_ids (id) VALUES (?)",
                (statement, id) -> statement.setLong(1, id), batches(100), POSTGRES.connectionOptions()));

        Exception failure = assertThrows(Exception.class, () -> env.execute("duplicate key"));
        String message = causeMessages(failure);
        assertTrue(message.contains("record 5 of a batch of 8 (5)"), message);
        assertTrue(message.contains("23505"), message);
        assertTrue(message.contains("not retried"), message);
        assertEquals(1, POSTGRES.count("unique_ids"), "the failed batch was rolled back whole");
    }

    @Test
    void survivesTheDatabaseEndingTheSinksConnection() throws Exception {
        POSTGRES.execute("CREATE TABLE survivor (id BIGINT PRIMARY KEY, square BIGINT)");
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1); // checkpointing off: no restart can hide a loss
        env.fromSequence(1, 3000).sinkTo(JdbcSink.sink("INSERT INTO survivor (id, square) VALUES (?, ?)",
                (statement, id) -> {
                    if (id == 1500 && TERMINATED.compareAndSet(false, true)) {
                        // mid-batch: the batch being bound is executed on a connection the server has ended
                        TERMINATED_SESSIONS.set(POSTGRES.terminateOtherSessions());
                    }
                    statement.setLong(1, id);
                    statement.setLong(2, id * id);
                }, batches(400), POSTGRES.connectionOptions()));
        env.execute("connection ends");

        assertTrue(TERMINATED.get());
        assertTrue(TERMINATED_SESSIONS.get() >= 1, "the sink's session was ended");
        assertEquals(List.of("3000|4501500"), POSTGRES.rows("SELECT count(*), sum(id) FROM survivor"));
    }

    @Test
    void aMissingTableFailsTheFirstBatchWithoutRetries() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSequence(1, 3).sinkTo(JdbcSink.sink("INSERT INTO no_such_table (id) VALUES (?)",
                (statement, id) -> statement.setLong(1, id), batches(10), POSTGRES.connectionOptions()));
        String message = causeMessages(assertThrows(Exception.class, () -> env.execute("missing table")));
        assertTrue(message.contains("SQLState 42P01"), message);
        assertTrue(message.contains("not retried"), message);
    }

    @Test
    void aWrongUrlFailsAtStartWithTheFix() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        JdbcConnectionOptions noDriver = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl("jdbc:nosuchdb://localhost/x").build();
        env.fromSequence(1, 3).sinkTo(JdbcSink.sink("INSERT INTO t VALUES (?)",
                (statement, id) -> statement.setLong(1, id), noDriver));
        String message = causeMessages(assertThrows(Exception.class, () -> env.execute("no driver")));
        assertTrue(message.contains("No JDBC driver accepts the URL jdbc:nosuchdb://localhost/x"), message);
    }

    @Test
    void theExactlyOnceSinkOnAServerWithoutPreparedTransactionsSaysWhichSettingToChange() throws Exception {
        // this class's server runs with PostgreSQL's default, max_prepared_transactions = 0
        POSTGRES.execute("CREATE TABLE never_prepared (id BIGINT)");
        JdbcExactlyOnceSink<Long> sink = JdbcSink.<Long>builder()
                .withQueryStatement("INSERT INTO never_prepared (id) VALUES (?)", (statement, id) -> statement.setLong(1, id))
                .buildExactlyOnce(JdbcExactlyOnceOptions.builder().withTransactionIdPrefix("never").build(),
                        POSTGRES.connectionOptions());
        try (var writer = (PreparedTransactionWriter<Long>) sink.restoreWriter(new WriterContextForTest(), List.of())) {
            writer.write(1L, null);
            java.io.IOException failure = assertThrows(java.io.IOException.class, writer::prepareCommit);
            assertTrue(failure.getMessage().contains("set max_prepared_transactions (in postgresql.conf) to at least"),
                    failure.getMessage());
        }
        assertEquals(0, POSTGRES.count("never_prepared"));
    }

    static String causeMessages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
