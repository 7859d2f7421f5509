package io.weir.examples.pageviewcounts;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.connector.jdbc.JdbcConnectionOptions;
import io.weir.connector.jdbc.JdbcExecutionOptions;
import io.weir.connector.jdbc.JdbcSink;
import io.weir.connector.jdbc.dialect.PostgresDialect;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.KafkaSourceBuilder;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.examples.pipelines.Arguments;
import io.weir.examples.pipelines.CountAggregate;
import io.weir.formats.json.JsonDeserializationSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Kafka → event-time windows → PostgreSQL. Page views arrive as JSON on a Kafka topic
 * ({@code {"page": "/home", "user": "u7", "time": 1733300000000}}, time in epoch milliseconds), up to
 * {@link #OUT_OF_ORDERNESS} out of order. Tumbling one-minute event-time windows count the views of
 * each page, and each count is upserted into PostgreSQL by its primary key (page, window start):
 *
 * <pre>
 * CREATE TABLE page_view_counts (page TEXT, window_start TIMESTAMPTZ, window_end TIMESTAMPTZ,
 *                                views BIGINT, PRIMARY KEY (page, window_start))
 * </pre>
 *
 * <p>Checkpoints are on (every 10 s). The Kafka offsets are in each checkpoint, so a restarted job
 * reads again what came after its last checkpoint and recomputes those windows; the sink writes
 * at least once, and since it upserts by key, a window written twice leaves one row with the same
 * count: the table is the one a failure-free run leaves.
 *
 * <pre>bin/weir example page-view-counts --bootstrap-servers HOST:PORT --jdbc-url jdbc:postgresql://HOST/DB ...</pre>
 */
public final class PageViewCounts {
    /** How late a view may arrive, behind the latest view of its partition, and still be counted. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final String TABLE = "page_view_counts";

    private static final String USAGE = "page-view-counts --bootstrap-servers HOST:PORT --jdbc-url URL"
            + " [--jdbc-user USER] [--jdbc-password PASSWORD] [--topic page-views] [--group-id page-view-counts]"
            + " [--parallelism P] [--bounded true|false]";

    private PageViewCounts() {}

    /** A view of a page by a user at an event time (epoch milliseconds). */
    public record PageView(String page, String user, long time) {}

    /** How many views a page had in the window [windowStart, windowEnd). */
    public record PageViewCount(String page, long windowStart, long windowEnd, long views) {}

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, USAGE, Set.of("--bootstrap-servers", "--jdbc-url",
                "--jdbc-user", "--jdbc-password", "--topic", "--group-id", "--parallelism", "--bounded"));
        String bootstrapServers = arguments.required("--bootstrap-servers");
        JdbcConnectionOptions database = connection(arguments.required("--jdbc-url"),
                arguments.get("--jdbc-user", null), arguments.get("--jdbc-password", null));
        KafkaSourceBuilder<PageView> source = source(bootstrapServers, arguments.get("--topic", "page-views"),
                arguments.get("--group-id", "page-view-counts"));
        if (arguments.getBoolean("--bounded")) {
            source.setBounded(OffsetsInitializer.latest());
        }
        createTableIfMissing(database);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(arguments.getInt("--parallelism", 2));
        env.enableCheckpointing(10_000);
        countPerMinute(readViews(env, source.build())).sinkTo(sink(database)).name("Upsert into " + TABLE);
        env.execute("Page view counts");
    }

    public static JdbcConnectionOptions connection(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db),"
                    + " not '" + url + "'. Usage: " + USAGE);
        }
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder options =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(url).withDriverName("org.postgresql.Driver");
        if (user != null) {
            options.withUsername(user);
        }
        if (password != null) {
            options.withPassword(password);
        }
        return options.build();
    }

    /** Page views from the earliest offset of {@code topic}; unbounded until the caller says otherwise. */
    public static KafkaSourceBuilder<PageView> source(String bootstrapServers, String topic, String groupId) {
        return KafkaSource.<PageView>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new JsonDeserializationSchema<>(PageView.class));
    }

    /** The source with event time from each view and watermarks per Kafka partition. */
    public static DataStream<PageView> readViews(StreamExecutionEnvironment env, KafkaSource<PageView> source) {
        return env.fromSource(source,
                        WatermarkStrategy.<PageView>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((view, kafkaTimestamp) -> view.time()),
                        "Page views")
                .uid("page-views");
    }

    /** One count per page and minute of event time, emitted when the watermark passes the minute's end. */
    public static DataStream<PageViewCount> countPerMinute(DataStream<PageView> views) {
        return views
                .keyBy(PageView::page)
                .window(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(new CountAggregate<PageView>(), new LabelWithWindow())
                .uid("views-per-page-and-minute")
                .name("Views per page and minute");
    }

    /** Upserts each count by (page, window_start), in batches, at least once. */
    public static JdbcSink<PageViewCount> sink(JdbcConnectionOptions database) {
        String upsert = new PostgresDialect().getUpsertStatement(TABLE,
                new String[] {"page", "window_start", "window_end", "views"}, new String[] {"page", "window_start"});
        return JdbcSink.sink(upsert, (statement, count) -> {
            statement.setString(1, count.page());
            statement.setObject(2, utc(count.windowStart()));
            statement.setObject(3, utc(count.windowEnd()));
            statement.setLong(4, count.views());
        }, JdbcExecutionOptions.builder().withBatchSize(500).withBatchIntervalMs(1_000).build(), database);
    }

    private static OffsetDateTime utc(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    /** Creates {@link #TABLE} unless it exists, so the example runs against an empty database. */
    public static void createTableIfMissing(JdbcConnectionOptions database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.getDbURL(),
                        database.getUsername().orElse(null), database.getPassword().orElse(null));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (page TEXT, window_start TIMESTAMPTZ,"
                    + " window_end TIMESTAMPTZ, views BIGINT, PRIMARY KEY (page, window_start))");
        }
    }

    /** Adds the page and the window's bounds to the count. */
    static final class LabelWithWindow extends ProcessWindowFunction<Long, PageViewCount, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String page, Context context, Iterable<Long> counts, Collector<PageViewCount> out) {
            TimeWindow window = context.window();
            out.collect(new PageViewCount(page, window.getStart(), window.getEnd(), counts.iterator().next()));
        }
    }
}
