package io.weir.bench.nexmark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.CanonicalResult;
import io.weir.bench.nexmark.NexmarkGenerator;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.session.SqlSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public Nexmark suite's other queries (q9, q10, q14 ... q22: Weir's own SQL files with the
 * suite's semantics and columns) have, at parallelism 1 and 2, the final result Apache Flink 2.3
 * computes from the same events: {@code flink-golden.txt} next to this test holds the row count and
 * the SHA-256 of the canonical result (shared/nexmark.md) of the Flink harness's {@code ref} mode
 * over the same 30,000 events at 1,000 events per second (seed 42), run with these SQL files.
 * {@code -Dnexmark.sql.dump=DIR} keeps Weir's canonical results in {@code DIR/p<parallelism>/} to
 * compare them with Flink's line by line.
 */
@Timeout(180)
class NexmarkSqlSuiteTest {

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"q9, 1", "q9, 2", "q10, 1", "q10, 2", "q14, 1", "q14, 2", "q15, 1", "q15, 2", "q16, 1",
            "q16, 2", "q17, 1", "q17, 2", "q18, 1", "q18, 2", "q19, 1", "q19, 2", "q20, 1", "q20, 2", "q21, 1",
            "q21, 2", "q22, 1", "q22, 2"})
    void theResultIsFlinks(String name, int parallelism, @TempDir Path dir) throws Exception {
        List<String> rows = NexmarkSqlTest.canonical(NexmarkSqlTest.session(parallelism), NexmarkSqlQueries.select(name));
        String dump = System.getProperty("nexmark.sql.dump");
        Path out = dump == null ? dir.resolve(name + ".txt") : Path.of(dump, "p" + parallelism, name + ".txt");
        String sha256 = CanonicalResult.write(rows, out);
        String[] golden = golden().get(name);
        assertTrue(golden != null, "flink-golden.txt has no line for " + name + "; Weir's result: " + rows.size()
                + " rows, SHA-256 " + sha256);
        assertTrue(Long.parseLong(golden[0]) > 0, "Flink's result of " + name + " has rows");
        assertEquals(golden[0] + " rows, SHA-256 " + golden[1], rows.size() + " rows, SHA-256 " + sha256,
                name + ": first rows " + rows.subList(0, Math.min(3, rows.size())));
    }

    /**
     * q12 counts bids per bidder in 10 s windows of processing time: which bids share a window depends
     * on when they are processed, so there is no golden result; instead every bid is counted in
     * exactly one window, aligned to 10 s: the counts of each bidder summed over its windows are its
     * bids (from the generator directly), and no (bidder, window) comes twice. Windows still open when
     * a bounded input ends do not fire (as in Flink), so the job is kept running by a second,
     * unbounded source whose rows the {@code bid} view filters out, and the test reads the result
     * until every bid is counted (bounded by the test's timeout), then cancels the job. The query
     * file runs unchanged; only the {@code bid} view is this test's.
     */
    @ParameterizedTest(name = "q12 at parallelism {0}")
    @ValueSource(ints = {1, 2})
    void q12CountsEveryBidInExactlyOneProcessingTimeWindow(int parallelism) throws Exception {
        TableEnvironment tableEnv = SqlSession.create(EnvironmentSettings.inStreamingMode());
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        NexmarkSqlQueries.createSourceAndViews(tableEnv, NexmarkSqlTest.CONFIG, NexmarkSqlTest.EVENTS);
        tableEnv.executeSql("""
                CREATE TABLE keep_running (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
                  `dateTime` TIMESTAMP(3), extra STRING)
                WITH ('connector' = 'datagen', 'rows-per-second' = '10', 'fields.bidder.min' = '1', 'seed' = '1')""");
        tableEnv.executeSql("DROP VIEW bid");
        tableEnv.executeSql("""
                CREATE VIEW bid AS
                SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, `dateTime`, bid.extra
                FROM datagen WHERE event_type = 2
                UNION ALL
                SELECT * FROM keep_running WHERE bidder < 0""");
        for (ScriptStatement statement : NexmarkSqlQueries.statements("q12")) {
            if (!statement.text().strip().toUpperCase(Locale.ROOT).startsWith("INSERT")) {
                tableEnv.executeSql(statement.text());
            }
        }
        Map<Long, Long> expected = bidsPerBidder();
        long bids = expected.values().stream().mapToLong(Long::longValue).sum();
        Map<Long, Long> counted = new TreeMap<>();
        Set<String> windows = new HashSet<>();
        long total = 0;
        try (CloseableIterator<Row> result = tableEnv.executeSql(NexmarkSqlQueries.select("q12")).collect()) {
            while (total < bids && result.hasNext()) {
                Row row = result.next();
                assertEquals(RowKind.INSERT, row.getKind(), row.toString());
                long bidder = (Long) row.getField(0);
                long count = (Long) row.getField(1);
                long start = ((LocalDateTime) row.getField(2)).toInstant(ZoneOffset.UTC).toEpochMilli();
                long end = ((LocalDateTime) row.getField(3)).toInstant(ZoneOffset.UTC).toEpochMilli();
                assertEquals(0, start % 10_000, row.toString());
                assertEquals(start + 10_000, end, row.toString());
                assertTrue(windows.add(bidder + "|" + start), "a second row for " + row);
                counted.merge(bidder, count, Long::sum);
                total += count;
            }
        }
        assertEquals(expected, counted);
    }

    /**
     * The bench runs q12's file as {@code bench nexmark --sql --query q12} does: its view and sink
     * created, then the INSERT into the blackhole sink, to the end of the bounded input; and with
     * {@code --check}, the INSERT's query collected, every row a 10 s window's count.
     */
    @org.junit.jupiter.api.Test
    void q12RunsThroughTheBenchAsItsSqlFile(@TempDir Path dir) throws Exception {
        NexmarkSqlRun.Outcome run = NexmarkSqlRun.run("q12", NexmarkSqlTest.CONFIG, 10_000, 2, null, Map.of());
        assertTrue(run.jobMillis() >= 0 && run.sha256() == null, run.toString());
        NexmarkSqlRun.Outcome checked = NexmarkSqlRun.run("q12", NexmarkSqlTest.CONFIG, 10_000, 2, dir, Map.of());
        assertTrue(checked.sha256() != null, checked.toString());
        for (String line : java.nio.file.Files.readAllLines(dir.resolve("q12.txt"))) {
            String[] fields = line.split("\\|");
            assertEquals(Long.parseLong(fields[2]) + 10_000, Long.parseLong(fields[3]), line);
        }
    }

    /** The bids of each bidder among the events NexmarkSqlTest's source generates. */
    private static Map<Long, Long> bidsPerBidder() {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkSqlTest.CONFIG).prepare();
        Map<Long, Long> bids = new TreeMap<>();
        for (long i = 0; i < NexmarkSqlTest.EVENTS; i++) {
            if (generator.event(i) instanceof Bid bid) {
                bids.merge(bid.bidder(), 1L, Long::sum);
            }
        }
        return bids;
    }

    /** Query name to {row count, SHA-256} of Flink's canonical result. */
    private static Map<String, String[]> golden() throws IOException {
        Map<String, String[]> golden = new HashMap<>();
        try (InputStream in = NexmarkSqlSuiteTest.class.getResourceAsStream("flink-golden.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.trim().split("\\s+");
                    golden.put(fields[0], new String[] {fields[1], fields[2]});
                }
            }
        }
        return golden;
    }
}
