package io.weir.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.testutils.TestProcessingTimeService;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The writer's batching and retrying against a real PostgreSQL, on a manual clock: when a batch is
 * written is decided by the test, not by timing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcWriterTest {
    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private final TestProcessingTimeService clock = new TestProcessingTimeService();

    @BeforeEach
    void emptyTable() throws SQLException {
        POSTGRES.execute("DROP TABLE IF EXISTS numbers", "CREATE TABLE numbers (n BIGINT)");
    }

    private JdbcWriter<Long> writer(JdbcExecutionOptions options, JdbcStatementBuilder<Long> builder) throws IOException {
        JdbcOutput<Long> output = new JdbcOutput<>(
                new JdbcConnectionProvider(POSTGRES.connectionOptions(), getClass().getClassLoader()),
                new SingleStatementBatch<>("INSERT INTO numbers (n) VALUES (?)", builder), options);
        output.open();
        return new JdbcWriter<>(output, options, clock);
    }

    private JdbcWriter<Long> writer(int batchSize, long intervalMs) throws IOException {
        return writer(JdbcExecutionOptions.builder().withBatchSize(batchSize).withBatchIntervalMs(intervalMs).build(),
                (statement, n) -> statement.setLong(1, n));
    }

    @Test
    void writesABatchWhenItIsFull() throws Exception {
        try (JdbcWriter<Long> writer = writer(3, 0)) {
            writer.write(1L, null);
            writer.write(2L, null);
            assertEquals(0, POSTGRES.count("numbers"));
            writer.write(3L, null);
            assertEquals(3, POSTGRES.count("numbers"));
            writer.write(4L, null);
            writer.flush(false); // what a checkpoint does
            assertEquals(4, POSTGRES.count("numbers"));
            assertEquals(0, clock.getNumActiveTimers(), "no interval, no timer");
        }
    }

    @Test
    void writesAnUnfilledBatchOnceTheIntervalSinceItsFirstRecordPassed() throws Exception {
        try (JdbcWriter<Long> writer = writer(100, 200)) {
            writer.write(1L, null);
            clock.setCurrentTime(150);
            writer.write(2L, null);
            clock.setCurrentTime(199);
            assertEquals(0, POSTGRES.count("numbers"));
            clock.setCurrentTime(200);
            assertEquals(2, POSTGRES.count("numbers"));

            clock.setCurrentTime(250);
            writer.write(3L, null);
            clock.setCurrentTime(449);
            assertEquals(2, POSTGRES.count("numbers"));
            clock.setCurrentTime(450);
            assertEquals(3, POSTGRES.count("numbers"));
        }
    }

    @Test
    void aTimerOfABatchWrittenWhenFullDoesNotCutTheNextBatchShort() throws Exception {
        try (JdbcWriter<Long> writer = writer(2, 100)) {
            writer.write(1L, null);
            writer.write(2L, null); // full: written now, its timer (due at 100) stays registered
            clock.setCurrentTime(50);
            writer.write(3L, null); // due at 150
            clock.setCurrentTime(100);
            assertEquals(2, POSTGRES.count("numbers"));
            clock.setCurrentTime(150);
            assertEquals(3, POSTGRES.count("numbers"));
            assertEquals(2, writer.writtenBatches());
        }
    }

    @Test
    void retriesATransientFailureAndWritesTheBatchOnce() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        JdbcExecutionOptions options = JdbcExecutionOptions.builder().withBatchSize(3).withMaxRetries(2)
                .withRetryBackoffMs(1).build();
        try (JdbcWriter<Long> writer = writer(options, (statement, n) -> {
            if (n == 2 && failuresLeft.getAndDecrement() > 0) {
                throw new SQLTransientException("could not serialize access", "40001");
            }
            statement.setLong(1, n);
        })) {
            writer.write(1L, null);
            writer.write(2L, null);
            writer.write(3L, null);
        }
        assertEquals(java.util.List.of("3|6"), POSTGRES.rows("SELECT count(*), sum(n) FROM numbers"));
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() throws Exception {
        JdbcExecutionOptions options = JdbcExecutionOptions.builder().withBatchSize(2).withMaxRetries(2)
                .withRetryBackoffMs(1).build();
        AtomicInteger attempts = new AtomicInteger();
        try (JdbcWriter<Long> writer = writer(options, (statement, n) -> {
            attempts.incrementAndGet();
            throw new SQLTransientException("lock timeout", "55P03");
        })) {
            writer.write(1L, null);
            IOException failure = assertThrows(IOException.class, () -> writer.write(2L, null));
            assertTrue(failure.getMessage().contains("after 2 retries"), failure.getMessage());
            assertTrue(failure.getMessage().contains("55P03: lock timeout"), failure.getMessage());
            assertEquals(3, attempts.get(), "the first try and two retries");
        }
        assertEquals(0, POSTGRES.count("numbers"));
    }
}
