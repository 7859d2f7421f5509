package io.weir.connector.jdbc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.Types;
import io.weir.connector.jdbc.EmbeddedPostgres;
import io.weir.connector.jdbc.JdbcExecutionOptions;
import io.weir.connector.jdbc.JdbcSink;
import io.weir.testutils.MiniClusterExtension;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JdbcSource jobs reading a real PostgreSQL table in parallel range splits, with and without a restore mid-split. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcSourceTest {
    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    @BeforeAll
    static void fillTable() throws Exception {
        POSTGRES.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, label TEXT)",
                "INSERT INTO items SELECT i, 'item-' || i FROM generate_series(1, 10000) AS i");
    }

    private static JdbcSource<Long> ids(long min, long max, long rangeWidth, int fetchSize) {
        return JdbcSource.<Long>builder()
                .setDBUrl(POSTGRES.connectionOptions().getDbURL()).setDriverName("org.postgresql.Driver")
                .setUsername("postgres")
                .setSql("SELECT id FROM items WHERE id BETWEEN ? AND ? ORDER BY id")
                .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(min, max).ofBatchSize(rangeWidth))
                .setResultExtractor(rows -> rows.getLong(1))
                .setTypeInformation(Types.LONG)
                .setResultSetFetchSize(fetchSize)
                .build();
    }

    @Test
    void readsEveryRowOnceInParallelRangeSplits() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        List<Long> read = new ArrayList<>();
        try (CloseableIterator<Long> rows = env.fromSource(ids(1, 10000, 700, 128), WatermarkStrategy.noWatermarks(), "items")
                .executeAndCollect("read items")) {
            rows.forEachRemaining(read::add);
        }
        read.sort(null);
        assertEquals(10000, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i + 1, read.get(i));
        }
    }

    @Test
    void rangesCoverTheirSpanWithoutOverlap() {
        assertEquals("[[1, 4], [5, 8], [9, 10]]",
                Arrays.deepToString(new JdbcNumericBetweenParametersProvider(1, 10).ofBatchSize(4).getParameterValues()));
        assertEquals("[[1, 4], [5, 7], [8, 10]]",
                Arrays.deepToString(new JdbcNumericBetweenParametersProvider(1, 10).ofBatchNum(3).getParameterValues()));
        assertEquals("[[5, 5]]",
                Arrays.deepToString(new JdbcNumericBetweenParametersProvider(5, 5).ofBatchNum(4).getParameterValues()));
        Serializable[][] many = new JdbcNumericBetweenParametersProvider(-1000, 999_999).ofBatchNum(7).getParameterValues();
        long expectedStart = -1000;
        for (Serializable[] range : many) {
            assertEquals(expectedStart, range[0]);
            expectedStart = (Long) range[1] + 1;
        }
        assertEquals(1_000_000L, expectedStart);
    }

    @Test
    void aQueryErrorNamesTheQueryAndTheSplit() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        JdbcSource<Long> broken = JdbcSource.<Long>builder()
                .setDBUrl(POSTGRES.connectionOptions().getDbURL()).setUsername("postgres")
                .setSql("SELECT id FROM no_such_table WHERE id BETWEEN ? AND ?")
                .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(1, 10).ofBatchNum(1))
                .setResultExtractor(rows -> rows.getLong(1)).setTypeInformation(Types.LONG).build();
        env.fromSource(broken, WatermarkStrategy.noWatermarks(), "broken").sinkTo(new io.weir.api.connector.sink.DiscardingSink<>());
        Exception failure = assertThrows(Exception.class, () -> env.execute("broken query"));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("JDBC source could not run \"SELECT id FROM no_such_table"), messages.toString());
        assertTrue(messages.toString().contains("[1, 10] (split 0)"), messages.toString());
        assertTrue(messages.toString().contains("42P01"), messages.toString());
    }

    /**
     * Restored from a checkpoint taken mid-split, the readers skip the rows they had emitted: the
     * count and sum per key, kept in exactly-once state, equal the table's.
     */
    @Test
    void aRestoreMidSplitReadsEveryRowOnce() throws Exception {
        POSTGRES.execute("CREATE TABLE item_sums (k BIGINT PRIMARY KEY, n BIGINT, total BIGINT)");
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(30);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);

        env.fromSource(ids(1, 2000, 150, 10), WatermarkStrategy.noWatermarks(), "items")
                .map(new PacedFailOnce(500))
                .map(id -> Tuple3.of(id % 7, 1L, id)).returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2 + b.f2))
                .sinkTo(JdbcSink.sink("INSERT INTO item_sums (k, n, total) VALUES (?, ?, ?) "
                                + "ON CONFLICT (k) DO UPDATE SET n = excluded.n, total = excluded.total",
                        (statement, t) -> {
                            statement.setLong(1, t.f0);
                            statement.setLong(2, t.f1);
                            statement.setLong(3, t.f2);
                        }, JdbcExecutionOptions.builder().withBatchSize(100).build(), POSTGRES.connectionOptions()));
        env.execute("read items with a failure");

        assertEquals(1, FAILURES.get(), "the failure was injected");
        assertEquals(POSTGRES.rows("SELECT id % 7, count(*), sum(id) FROM items WHERE id <= 2000 GROUP BY 1 ORDER BY 1"),
                POSTGRES.rows("SELECT k, n, total FROM item_sums ORDER BY k"));
    }

    /**
     * Passes ids on, one per millisecond in the first attempt (so checkpoints complete while the
     * splits are read), and fails once after {@code failAfter} ids of its subtask and a completed checkpoint.
     */
    static final class PacedFailOnce extends RichMapFunction<Long, Long> implements CheckpointListener {
        private final long failAfter;
        private transient long seen;

        PacedFailOnce(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public Long map(Long id) throws InterruptedException {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
                Thread.sleep(1); // pace only: the test waits for nothing here
                if (++seen >= failAfter && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                    throw new IllegalStateException("injected failure after " + seen + " ids");
                }
            }
            return id;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
