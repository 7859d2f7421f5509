package io.weir.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.KafkaSourceBuilder;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Event time from Kafka: records carry their Kafka timestamps, every partition has its own
 * watermark, and an idle partition does not stall event time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaSourceEventTimeTest {
    private static final int PER_PARTITION = 1000;
    private static final long WINDOW = 100;

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** Records {@code p<partition>-<i>} with timestamp i, partition after partition. */
    private static void fillPartitionAfterPartition(String topic, int partitions) throws Exception {
        for (int p = 0; p < partitions; p++) {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (int i = 0; i < PER_PARTITION; i++) {
                records.add(new ProducerRecord<>(topic, p, (long) i, null, "p" + p + "-" + i));
            }
            KAFKA.produce(records);
        }
    }

    private static KafkaSourceBuilder<String> strings(String topic) {
        return KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts()).setTopics(topic)
                .setValueOnlyDeserializer(new SimpleStringSchema());
    }

    /** Counts per partition and window, as {@code p<partition>@<window start>=<count>}. */
    static final class CountPerWindow extends ProcessWindowFunction<String, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<String> elements, Collector<String> out) {
            int count = 0;
            for (String ignored : elements) {
                count++;
            }
            out.collect(key + "@" + context.window().getStart() + "=" + count);
        }
    }

    private static DataStream<String> windowCountsAndLateRecords(DataStream<String> records) {
        OutputTag<String> late = new OutputTag<>("late") {};
        SingleOutputStreamOperator<String> counts = records
                .keyBy(v -> v.substring(0, v.indexOf('-')))
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .sideOutputLateData(late)
                .process(new CountPerWindow());
        return counts.union(counts.getSideOutput(late).map(v -> "LATE " + v));
    }

    private static List<String> expectedCounts(int partitions) {
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            for (long start = 0; start < PER_PARTITION; start += WINDOW) {
                expected.add("p" + p + "@" + start + "=" + WINDOW);
            }
        }
        return expected;
    }

    /**
     * One reader reads two partitions whose timestamps overlap, the second one's records arriving
     * after the first one's: with one watermark for the reader the second partition would be late;
     * with a watermark per partition nothing is.
     */
    @Test
    void eachPartitionHasItsOwnWatermark() throws Exception {
        KAFKA.createTopic("event-time", 2);
        fillPartitionAfterPartition("event-time", 2);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(1);
        DataStream<String> records = env.fromSource(strings("event-time").setBounded(OffsetsInitializer.latest()).build(),
                WatermarkStrategy.forMonotonousTimestamps(), "kafka");
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = windowCountsAndLateRecords(records).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        results.sort(null);
        List<String> expected = expectedCounts(2);
        expected.sort(null);
        assertEquals(expected, results);
    }

    /**
     * An unbounded job over a partition with data and an empty one: the empty partition goes idle,
     * so windows of the other fire while the job runs.
     */
    @Test
    void anIdlePartitionDoesNotHoldBackEventTime() throws Exception {
        KAFKA.createTopic("half-idle", 2);
        fillPartitionAfterPartition("half-idle", 1);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(10);
        DataStream<String> records = env.fromSource(strings("half-idle").build(),
                WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofMillis(200)), "kafka");
        List<String> fired = new ArrayList<>();
        try (CloseableIterator<String> it = windowCountsAndLateRecords(records).executeAndCollect()) {
            // the last window [900, 1000) waits for a watermark past 999, which no record gives
            for (int i = 0; i < PER_PARTITION / WINDOW - 1; i++) {
                fired.add(it.next());
            }
        }
        fired.sort(null);
        List<String> expected = expectedCounts(1).subList(0, (int) (PER_PARTITION / WINDOW - 1));
        List<String> sortedExpected = new ArrayList<>(expected);
        sortedExpected.sort(null);
        assertEquals(sortedExpected, fired);
    }
}
