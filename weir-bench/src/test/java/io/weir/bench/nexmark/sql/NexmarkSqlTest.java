package io.weir.bench.nexmark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nexmark in SQL: the harness's source table (its schema, computed {@code dateTime} and WATERMARK,
 * with {@code 'connector' = 'nexmark'}) and views, then queries whose final results are compared
 * with the DataStream queries' canonical results (q1, q2) or with a plain-Java count over the same
 * events (a HOP window aggregate, q5's inner query), at parallelism 1 and 2.
 */
@Timeout(120)
class NexmarkSqlTest {

    private static final long EVENTS = 30_000;
    private static final long EVENTS_PER_SECOND = 1_000;
    private static final NexmarkConfig CONFIG = NexmarkConfig.defaults().withEventsPerSecond(EVENTS_PER_SECOND);

    /** The harness's source table, with the connector's name changed. */
    private static final String SOURCE = """
            CREATE TABLE datagen (
                event_type int,
                person ROW<id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR,
                    state VARCHAR, `dateTime` TIMESTAMP(3), extra VARCHAR>,
                auction ROW<id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT,
                    `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR>,
                bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
                    `dateTime` TIMESTAMP(3), extra VARCHAR>,
                `dateTime` AS CASE WHEN event_type = 0 THEN person.`dateTime`
                                   WHEN event_type = 1 THEN auction.`dateTime`
                                   ELSE bid.`dateTime` END,
                WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
            ) WITH (
                'connector' = 'nexmark',
                'events.num' = '%d',
                'seed' = '42',
                'events-per-second' = '%d',
                'base-time-ms' = '1700000000000'
            )""".formatted(EVENTS, EVENTS_PER_SECOND);

    private static final String BID_VIEW = """
            CREATE VIEW bid AS
            SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, `dateTime`, bid.extra
            FROM datagen WHERE event_type = 2""";

    private static TableEnvironment session(int parallelism) {
        TableEnvironment tableEnv = SqlSession.create(EnvironmentSettings.inStreamingMode());
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        tableEnv.executeSql(SOURCE);
        tableEnv.executeSql(BID_VIEW);
        return tableEnv;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void q1AndQ2EqualTheDataStreamQueries(int parallelism, @TempDir Path dir) throws Exception {
        TableEnvironment tableEnv = session(parallelism);
        List<String> q1 = canonical(tableEnv, "SELECT auction, bidder, 0.908 * price AS price, `dateTime`, extra FROM bid");
        List<String> q2 = canonical(tableEnv, "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0");
        NexmarkRun.run(NexmarkQueries.byName("q1"), CONFIG, EVENTS, parallelism, dir);
        NexmarkRun.run(NexmarkQueries.byName("q2"), CONFIG, EVENTS, parallelism, dir);
        assertEquals(Files.readAllLines(dir.resolve("q1.txt"), StandardCharsets.UTF_8), q1);
        assertEquals(Files.readAllLines(dir.resolve("q2.txt"), StandardCharsets.UTF_8), q2);
        assertFalse(q2.isEmpty());
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

    /** A query's final rows in the canonical form of shared/nexmark.md, sorted (the query must be append-only). */
    private static List<String> canonical(TableEnvironment tableEnv, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = tableEnv.executeSql(query).collect()) {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    fields.add(canonicalField(row.getField(i)));
                }
                rows.add(String.join("|", fields));
            }
        }
        return rows.stream().sorted().toList();
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
