package io.weir.bench.nexmark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkGenerator;
import io.weir.bench.nexmark.NexmarkRun;
import io.weir.bench.nexmark.query.NexmarkQueries;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.sql.session.SqlSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nexmark in SQL: the harness's source table (its schema, computed {@code dateTime} and WATERMARK,
 * with {@code 'connector' = 'nexmark'}), views and query files ({@link NexmarkSqlQueries}), whose
 * final results are compared with the DataStream queries' canonical results (q1 ... q11) or with a
 * plain-Java count over the same events (a HOP window aggregate, q5's inner query), at parallelism
 * 1 and 2, over 30,000 events at 1,000 events per second of event time (30 s: windows close,
 * sessions end and auctions expire during the run).
 */
@Timeout(120)
class NexmarkSqlTest {

    static final long EVENTS = 30_000;
    private static final long EVENTS_PER_SECOND = 1_000;
    static final NexmarkConfig CONFIG = NexmarkConfig.defaults().withEventsPerSecond(EVENTS_PER_SECOND);

    private static final Map<String, List<String>> DATASTREAM_RESULTS = new ConcurrentHashMap<>();

    static TableEnvironment session(int parallelism) {
        TableEnvironment tableEnv = SqlSession.create(EnvironmentSettings.inStreamingMode());
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        NexmarkSqlQueries.createSourceAndViews(tableEnv, CONFIG, EVENTS);
        return tableEnv;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void q1AndQ2EqualTheDataStreamQueries(int parallelism, @TempDir Path dir) throws Exception {
        TableEnvironment tableEnv = session(parallelism);
        List<String> q1 = canonical(tableEnv, NexmarkSqlQueries.select("q1"));
        List<String> q2 = canonical(tableEnv, NexmarkSqlQueries.select("q2"));
        NexmarkRun.run(NexmarkQueries.byName("q1"), CONFIG, EVENTS, parallelism, dir);
        NexmarkRun.run(NexmarkQueries.byName("q2"), CONFIG, EVENTS, parallelism, dir);
        assertEquals(Files.readAllLines(dir.resolve("q1.txt"), StandardCharsets.UTF_8), q1);
        assertEquals(Files.readAllLines(dir.resolve("q2.txt"), StandardCharsets.UTF_8), q2);
        assertFalse(q2.isEmpty());
    }

    /**
     * The harness's query files, unchanged but for the sink, have the final result of the
     * DataStream query of the same name (run once, at parallelism 1: its canonical result does not
     * depend on the parallelism).
     */
    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"q3, 1", "q3, 2", "q4, 1", "q4, 2", "q5, 1", "q5, 2", "q7, 1", "q7, 2", "q8, 1", "q8, 2",
            "q11, 1", "q11, 2"})
    void joinAndWindowQueriesEqualTheDataStreamQueries(String name, int parallelism, @TempDir Path dir)
            throws Exception {
        List<String> sql = canonical(session(parallelism), NexmarkSqlQueries.select(name));
        List<String> expected = DATASTREAM_RESULTS.computeIfAbsent(name, query -> dataStreamResult(query, dir));
        assertFalse(expected.isEmpty(), "the DataStream " + name + " has rows, so the comparison means something");
        assertEquals(expected, sql);
    }

    /**
     * The same under the table options the Flink harness (and {@code bench nexmark --api sql}) runs
     * with: mini-batch, two-phase group aggregates, split distinct aggregates.
     */
    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"q4, 1", "q4, 2", "q5, 1", "q5, 2", "q7, 1", "q7, 2"})
    void theGoalQueriesUnderTheHarnessOptionsEqualTheDataStreamQueries(String name, int parallelism,
            @TempDir Path dir) throws Exception {
        TableEnvironment tableEnv = session(parallelism);
        NexmarkSqlRun.HARNESS_OPTIONS.forEach(tableEnv.getConfig()::set);
        List<String> sql = canonical(tableEnv, NexmarkSqlQueries.select(name));
        List<String> expected = DATASTREAM_RESULTS.computeIfAbsent(name, query -> dataStreamResult(query, dir));
        assertFalse(expected.isEmpty(), "the DataStream " + name + " has rows, so the comparison means something");
        assertEquals(expected, sql);
    }

    private static List<String> dataStreamResult(String name, Path dir) {
        try {
            NexmarkRun.run(NexmarkQueries.byName(name), CONFIG, EVENTS, 1, dir);
            return Files.readAllLines(dir.resolve(name + ".txt"), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("The DataStream " + name + " failed", e);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void hopWindowCountsEqualAPlainJavaCount(int parallelism) throws Exception {
        List<String> counts = canonical(session(parallelism), """
                SELECT auction, window_start, window_end, COUNT(*) AS num
                FROM TABLE(HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
                GROUP BY auction, window_start, window_end""");
        assertEquals(hopCounts(2_000, 10_000), counts);
    }

    @Test
    void aTableOfAnotherShapeIsRefusedWithTheExpectedSchema() {
        TableEnvironment tableEnv = SqlSession.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("CREATE TABLE n (event_type INT) WITH ('connector' = 'nexmark', 'events.num' = '10')");
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("SELECT * FROM n").collect().close());
        assertTrue(e.getMessage().contains("must have the physical columns event_type INT, person ROW<8 fields>"),
                e.getMessage());
    }

    /** Bids per auction and HOP window, computed from the generator's events directly. */
    private static List<String> hopCounts(long slide, long size) {
        NexmarkGenerator generator = new NexmarkGenerator(CONFIG).prepare();
        Map<String, Long> counts = new TreeMap<>();
        for (long i = 0; i < EVENTS; i++) {
            Event event = generator.event(i);
            if (event instanceof Bid bid) {
                long ts = bid.dateTime();
                for (long start = ts - Math.floorMod(ts, slide); start > ts - size; start -= slide) {
                    counts.merge(bid.auction() + "|" + start + "|" + (start + size), 1L, Long::sum);
                }
            }
        }
        List<String> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(key + "|" + count));
        return rows.stream().sorted().toList();
    }

    /**
     * A query's final rows in the canonical form of shared/nexmark.md, sorted: its changelog applied
     * ({@code +I}/{@code +U} add a row, {@code -U}/{@code -D} take one copy back, which must be there).
     */
    /**
     * q13 joins every bid with the row of its auction modulo 10,000 in the side input file, by a
     * processing-time lookup join on a filesystem table: the same as computing the side input's
     * value ({@code i,i}) of each bid without a join.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void q13JoinsEveryBidWithItsSideInputRow(int parallelism) throws Exception {
        TableEnvironment tableEnv = session(parallelism);
        NexmarkSqlQueries.createTables(tableEnv, "q13");
        List<String> joined = canonical(tableEnv, NexmarkSqlQueries.select("q13"));
        List<String> computed = canonical(tableEnv, "SELECT auction, bidder, price, `dateTime`,"
                + " CAST(MOD(auction, " + NexmarkSqlQueries.SIDE_INPUT_ROWS + ") AS VARCHAR) FROM bid");
        assertTrue(computed.size() > 1000, "bids: " + computed.size());
        assertEquals(computed, joined);
    }

    static List<String> canonical(TableEnvironment tableEnv, String query) throws Exception {
        Map<String, Integer> rows = new TreeMap<>();
        try (CloseableIterator<Row> iterator = tableEnv.executeSql(query).collect()) {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    fields.add(canonicalField(row.getField(i)));
                }
                String line = String.join("|", fields);
                boolean adds = row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
                int copies = rows.getOrDefault(line, 0) + (adds ? 1 : -1);
                assertTrue(copies >= 0, () -> row + " retracts a row the result does not hold");
                if (copies == 0) {
                    rows.remove(line);
                } else {
                    rows.put(line, copies);
                }
            }
        }
        List<String> sorted = new ArrayList<>();
        rows.forEach((line, copies) -> sorted.addAll(java.util.Collections.nCopies(copies, line)));
        return sorted;
    }

    private static String canonicalField(Object value) {
        if (value instanceof LocalDateTime time) {
            return String.valueOf(time.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }
}
