package io.weir.examples.pageviewcounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.connector.jdbc.EmbeddedPostgres;
import io.weir.connector.kafka.KafkaBroker;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.examples.pageviewcounts.PageViewCounts.PageView;
import io.weir.examples.pipelines.FailOnceInSecondHalf;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka → windows → PostgreSQL example end to end: page views written to a real KRaft broker,
 * the example's pipeline on a MiniCluster, the counts read back from a real PostgreSQL. A run with
 * a failure injected mid-way leaves the same table as a failure-free run, and both equal the counts
 * computed here from the input.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PageViewCountsTest {
    private static final int VIEWS = 3_000;
    private static final String[] PAGES = {"/home", "/search", "/cart", "/checkout"};
    /** Epoch milliseconds of view 0: 2026-12-04T10:00:00Z. */
    private static final long START = 1_796_378_400_000L;

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    /**
     * View {@code i}: 200 ms after view {@code i - 1}, every 7th up to 4 s earlier than that (out of
     * order, but within the 5 s the watermark allows, so every view is counted).
     */
    private static PageView view(int i) {
        long delay = i % 7 == 0 ? (i * 613L) % 4_000 : 0;
        return new PageView(PAGES[(i * 3) % PAGES.length], "u" + (i % 17), START + i * 200L - delay);
    }

    private static String json(PageView view) {
        return "{\"page\":\"" + view.page() + "\",\"user\":\"" + view.user() + "\",\"time\":" + view.time() + "}";
    }

    /** Writes views [from, to) to two partitions by index parity. */
    private static void produce(String topic, int from, int to) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(new ProducerRecord<>(topic, i % 2, null, json(view(i))));
        }
        KAFKA.produce(records);
    }

    /** "page|window start in epoch ms|views" for every window, computed from the input. */
    private static List<String> expectedTable() {
        Map<String, Long> counts = new TreeMap<>();
        long window = PageViewCounts.WINDOW.toMillis();
        for (int i = 0; i < VIEWS; i++) {
            PageView view = view(i);
            counts.merge(view.page() + "|" + (view.time() - view.time() % window), 1L, Long::sum);
        }
        List<String> rows = new ArrayList<>();
        counts.forEach((key, views) -> rows.add(key + "|" + views));
        return rows;
    }

    private static List<String> table() throws Exception {
        return POSTGRES.rows("SELECT page, (EXTRACT(EPOCH FROM window_start) * 1000)::BIGINT, views FROM "
                + PageViewCounts.TABLE + " ORDER BY page, window_start");
    }

    /** The example's pipeline over {@code topic}, which ends after all {@link #VIEWS} views. */
    private static void run(String topic, boolean injectFailure) throws Exception {
        KAFKA.createTopic(topic, 2);
        produce(topic, 0, VIEWS / 2);
        FailOnceInSecondHalf.reset(VIEWS / 2);

        KafkaSource<PageView> source = PageViewCounts.source(KAFKA.bootstrapServers(), topic, topic)
                .setProperties(KAFKA.clientTimeouts())
                .setBounded(OffsetsInitializer.offsets(Map.of(
                        new TopicPartition(topic, 0), (long) VIEWS / 2, new TopicPartition(topic, 1), (long) VIEWS / 2)))
                .build();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        FailOnceInSecondHalf.checkpointAndRestartQuickly(env);
        DataStream<PageView> views = PageViewCounts.readViews(env, source);
        PageViewCounts.countPerMinute(views.map(new FailOnceInSecondHalf<PageView>(injectFailure)).returns(views.getType()))
                .sinkTo(PageViewCounts.sink(POSTGRES.connectionOptions()));
        JobClient job = env.executeAsync("page view counts " + topic);

        FailOnceInSecondHalf.awaitFirstHalfCheckpointed();
        produce(topic, VIEWS / 2, VIEWS);
        job.getJobExecutionResult().get(150, TimeUnit.SECONDS);
        assertEquals(injectFailure, FailOnceInSecondHalf.failed(), "the failure was injected if asked");
    }

    @Test
    void aFailureAndRestoreLeaveTheTableOfAFailureFreeRun() throws Exception {
        PageViewCounts.createTableIfMissing(POSTGRES.connectionOptions());
        POSTGRES.execute("TRUNCATE " + PageViewCounts.TABLE);
        run("page-views-clean", false);
        List<String> failureFree = table();
        assertEquals(expectedTable(), failureFree, "every view counted in its minute");

        POSTGRES.execute("TRUNCATE " + PageViewCounts.TABLE);
        run("page-views-failing", true);
        assertEquals(failureFree, table(), "the table of the failure-free run");
    }

    @Test
    void badArgumentsSayWhatToType() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PageViewCounts.main(new String[] {"--jdbc-url", "jdbc:postgresql://db/x"}));
        assertTrue(missing.getMessage().startsWith("'--bootstrap-servers' is required. Usage: page-view-counts"),
                missing.getMessage());
        IllegalArgumentException wrongUrl = assertThrows(IllegalArgumentException.class,
                () -> PageViewCounts.main(new String[] {"--bootstrap-servers", "k:9092", "--jdbc-url", "jdbc:mysql://db/x"}));
        assertTrue(wrongUrl.getMessage().contains("must be a PostgreSQL JDBC URL"), wrongUrl.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PageViewCounts.main(new String[] {"--bootstrap", "k:9092"}));
        assertFalse(unknown.getMessage().isEmpty());
        assertTrue(unknown.getMessage().startsWith("Unknown argument '--bootstrap'"), unknown.getMessage());
    }
}
