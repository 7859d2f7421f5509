package io.weir.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.KafkaSourceBuilder;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KafkaSource jobs on a MiniCluster against a real in-process broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@SuppressWarnings("deprecation") // OffsetResetStrategy, as Flink users write it
class KafkaSourceTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** {@code count} records per partition, valued {@code p<partition>-<seq>}, with timestamps 1000 + seq. */
    private static void fill(String topic, int partitions, int count) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            for (int p = 0; p < partitions; p++) {
                records.add(new ProducerRecord<>(topic, p, 1000L + seq, null, "p" + p + "-" + seq));
            }
        }
        KAFKA.produce(records);
    }

    private static KafkaSourceBuilder<String> strings(String topic) {
        return KafkaSource.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopics(topic)
                .setValueOnlyDeserializer(new SimpleStringSchema());
    }

    private static List<String> runBounded(KafkaSource<String> source, int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it =
                     env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** The values per partition, in the order they arrived. */
    private static Map<String, List<Integer>> byPartition(List<String> values) {
        Map<String, List<Integer>> result = new TreeMap<>();
        for (String v : values) {
            String[] parts = v.split("-");
            result.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        return result;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> result = new ArrayList<>();
        for (int i = from; i < to; i++) {
            result.add(i);
        }
        return result;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void boundedReadGivesEveryRecordOnceInPartitionOrder(int parallelism) throws Exception {
        String topic = "bounded-" + parallelism;
        KAFKA.createTopic(topic, 4);
        fill(topic, 4, 500);

        List<String> values = runBounded(strings(topic).setBounded(OffsetsInitializer.latest()).build(), parallelism);

        assertEquals(2000, values.size());
        Map<String, List<Integer>> partitions = byPartition(values);
        assertEquals(List.of("p0", "p1", "p2", "p3"), List.copyOf(partitions.keySet()));
        partitions.forEach((p, seqs) -> assertEquals(range(0, 500), seqs, "partition " + p + " in order, each once"));
    }

    @Test
    void startsAtTheFirstRecordAtOrAfterATimestamp() throws Exception {
        KAFKA.createTopic("by-time", 2);
        fill("by-time", 2, 100);
        List<String> values = runBounded(strings("by-time").setStartingOffsets(OffsetsInitializer.timestamp(1070))
                .setBounded(OffsetsInitializer.latest()).build(), 1);
        byPartition(values).forEach((p, seqs) -> assertEquals(range(70, 100), seqs, p));
        assertEquals(60, values.size());
    }

    @Test
    void startsAtSpecifiedOffsetsAndTheResetStrategyForTheOthers() throws Exception {
        KAFKA.createTopic("specific", 3);
        fill("specific", 3, 20);
        Map<TopicPartition, Long> offsets = Map.of(new TopicPartition("specific", 0), 5L,
                new TopicPartition("specific", 1), 17L);
        List<String> values = runBounded(strings("specific")
                .setStartingOffsets(OffsetsInitializer.offsets(offsets, OffsetResetStrategy.LATEST))
                .setBounded(OffsetsInitializer.latest()).build(), 2);
        Map<String, List<Integer>> partitions = byPartition(values);
        assertEquals(Map.of("p0", range(5, 20), "p1", range(17, 20)), partitions, "p2 starts at its end");
    }

    @Test
    void stopsAtSpecifiedOffsets() throws Exception {
        KAFKA.createTopic("stop-at", 2);
        fill("stop-at", 2, 20);
        Map<TopicPartition, Long> stops = Map.of(new TopicPartition("stop-at", 0), 3L,
                new TopicPartition("stop-at", 1), 0L);
        List<String> values = runBounded(strings("stop-at").setBounded(OffsetsInitializer.offsets(stops)).build(), 1);
        assertEquals(List.of("p0-0", "p0-1", "p0-2"), values);
    }

    @Test
    void startsAtCommittedOffsetsOrTheResetStrategy() throws Exception {
        KAFKA.createTopic("committed", 2);
        fill("committed", 2, 10);
        KAFKA.admin().alterConsumerGroupOffsets("committed-group",
                Map.of(new TopicPartition("committed", 0), new OffsetAndMetadata(6))).all().get(30, TimeUnit.SECONDS);

        List<String> values = runBounded(strings("committed").setGroupId("committed-group")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setBounded(OffsetsInitializer.latest()).build(), 1);
        assertEquals(Map.of("p0", range(6, 10), "p1", range(0, 10)), byPartition(values));

        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSource(strings("committed").setGroupId("committed-group")
                        .setStartingOffsets(OffsetsInitializer.committedOffsets())
                        .setBounded(OffsetsInitializer.latest()).build(), WatermarkStrategy.noWatermarks(), "kafka")
                .sinkTo(new DiscardingSink<>());
        String message = failureMessages(assertThrows(Exception.class, env::execute));
        assertTrue(message.contains("no committed offset for partitions [committed-1]") && message.contains("NONE"),
                message);
    }

    /** With checkpoints on, each completed checkpoint commits the readers' offsets to the consumer group. */
    @Test
    void completedCheckpointsCommitTheOffsetsToTheGroup() throws Exception {
        KAFKA.createTopic("checkpointed", 2);
        fill("checkpointed", 2, 10);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        KafkaSource<String> source = strings("checkpointed").setGroupId("checkpointed-group").build();
        Map<TopicPartition, Long> expected = Map.of(new TopicPartition("checkpointed", 0), 10L,
                new TopicPartition("checkpointed", 1), 10L);
        try (CloseableIterator<String> it =
                     env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
            for (int i = 0; i < 20; i++) {
                it.next();
            }
            // every record is read; the next completed checkpoint commits the end of both partitions
            Map<TopicPartition, Long> committed = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!committed.equals(expected) && System.nanoTime() < deadline) {
                Map<TopicPartition, Long> now = new HashMap<>();
                KAFKA.admin().listConsumerGroupOffsets("checkpointed-group").partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS).forEach((p, o) -> now.put(p, o.offset()));
                committed = now;
            }
            assertEquals(expected, committed);
        }
    }

    @Test
    void latestSkipsWhatWasWrittenBeforeTheJobStarted() throws Exception {
        KAFKA.createTopic("latest", 1);
        fill("latest", 1, 50);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        KafkaSource<String> source = strings("latest").setStartingOffsets(OffsetsInitializer.latest()).build();
        try (CloseableIterator<String> it =
                     env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
            // keep writing until the job has read something: it resolves "latest" at some point after
            // submission, and whatever it reads must be from after that point
            Thread writer = new Thread(() -> {
                try (var producer = KAFKA.producer()) {
                    for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                        producer.send(new ProducerRecord<>("latest", 0, null, "new-" + i)).get();
                    }
                } catch (InterruptedException e) {
                    // stopped
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            List<String> first = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    first.add(it.next());
                }
            } finally {
                writer.interrupt();
                writer.join();
            }
            assertTrue(first.stream().allMatch(v -> v.startsWith("new-")), first.toString());
        }
    }

    @Test
    void topicPatternReadsEveryMatchingTopic() throws Exception {
        KAFKA.createTopic("pattern-a", 1);
        KAFKA.createTopic("pattern-b", 2);
        KAFKA.createTopic("not-pattern-c", 1);
        fill("pattern-a", 1, 3);
        fill("pattern-b", 2, 3);
        fill("not-pattern-c", 1, 3);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopicPattern(Pattern.compile("pattern-.*"))
                .setDeserializer(new TopicAndValue())
                .setBounded(OffsetsInitializer.latest())
                .build();
        List<String> values = runBounded(source, 2);
        values.sort(null);
        assertEquals(List.of("pattern-a:p0-0", "pattern-a:p0-1", "pattern-a:p0-2",
                "pattern-b:p0-0", "pattern-b:p0-1", "pattern-b:p0-2",
                "pattern-b:p1-0", "pattern-b:p1-1", "pattern-b:p1-2"), values);
    }

    @Test
    void readsOnlyTheGivenPartitions() throws Exception {
        KAFKA.createTopic("chosen", 3);
        fill("chosen", 3, 4);
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setPartitions(java.util.Set.of(new TopicPartition("chosen", 0), new TopicPartition("chosen", 2)))
                .setValueOnlyDeserializer(new SimpleStringSchema()).setBounded(OffsetsInitializer.latest()).build();
        assertEquals(Map.of("p0", range(0, 4), "p2", range(0, 4)), byPartition(runBounded(source, 2)));
    }

    @Test
    void setUnboundedStopsAtTheStoppingOffsetsToo() throws Exception {
        KAFKA.createTopic("unbounded-stop", 2);
        fill("unbounded-stop", 2, 6);
        KafkaSource<String> source = strings("unbounded-stop").setUnbounded(OffsetsInitializer.latest()).build();
        assertEquals(io.weir.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED, source.getBoundedness());
        assertEquals(Map.of("p0", range(0, 6), "p1", range(0, 6)), byPartition(runBounded(source, 1)));
    }

    @Test
    void aTopicPatternPicksUpATopicCreatedWhileTheJobRuns() throws Exception {
        KAFKA.createTopic("later-a", 1);
        fill("later-a", 1, 2);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopicPattern(Pattern.compile("later-.*")).setDeserializer(new TopicAndValue())
                .setProperty("partition.discovery.interval.ms", "100").build();
        try (CloseableIterator<String> it =
                     env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
            assertEquals(List.of("later-a:p0-0", "later-a:p0-1"), List.of(it.next(), it.next()));
            KAFKA.createTopic("later-b", 1);
            fill("later-b", 1, 2);
            assertEquals(List.of("later-b:p0-0", "later-b:p0-1"), List.of(it.next(), it.next()));
        }
    }

    /** A record deserializer that sees the whole Kafka record. */
    static final class TopicAndValue implements io.weir.connector.kafka.source.KafkaRecordDeserializationSchema<String> {
        @Override
        public void deserialize(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record,
                io.weir.api.functions.Collector<String> out) {
            out.collect(record.topic() + ":" + new String(record.value(), StandardCharsets.UTF_8));
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void discoversAPartitionAddedWhileTheJobRuns(int parallelism) throws Exception {
        String topic = "growing-" + parallelism;
        KAFKA.createTopic(topic, 1);
        fill(topic, 1, 5);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        KafkaSource<String> source = strings(topic).setProperty("partition.discovery.interval.ms", "100").build();
        try (CloseableIterator<String> it =
                     env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                seen.add(it.next());
            }
            assertEquals(List.of("p0-0", "p0-1", "p0-2", "p0-3", "p0-4"), seen);

            KAFKA.admin().createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).all().get(30, TimeUnit.SECONDS);
            KAFKA.awaitPartitions(topic, 2);
            List<ProducerRecord<String, String>> later = new ArrayList<>();
            for (int seq = 0; seq < 5; seq++) {
                later.add(new ProducerRecord<>(topic, 1, null, "p1-" + seq));
            }
            KAFKA.produce(later);
            seen.clear();
            for (int i = 0; i < 5; i++) {
                seen.add(it.next());
            }
            assertEquals(List.of("p1-0", "p1-1", "p1-2", "p1-3", "p1-4"), seen, "the new partition, from its start");
        }
    }

    /** Parses each value as an int; anything else is an IOException, as the schema contract asks. */
    static final class IntSchema implements DeserializationSchema<Integer> {
        @Override
        public Integer deserialize(byte[] message) throws IOException {
            String text = new String(message, StandardCharsets.UTF_8);
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IOException("'" + text + "' is not an int");
            }
        }

        @Override
        public boolean isEndOfStream(Integer nextElement) {
            return false;
        }

        @Override
        public TypeInformation<Integer> getProducedType() {
            return Types.INT;
        }
    }

    @Test
    void aRecordThatCannotBeDeserializedFailsTheJobNamingWhereItIs() throws Exception {
        KAFKA.createTopic("corrupt", 2);
        KAFKA.produce(List.of(new ProducerRecord<>("corrupt", 1, null, "1"), new ProducerRecord<>("corrupt", 1, null, "2"),
                new ProducerRecord<>("corrupt", 1, null, "three"), new ProducerRecord<>("corrupt", 0, null, "4")));
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSource(KafkaSource.<Integer>builder().setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts()).setTopics("corrupt")
                        .setValueOnlyDeserializer(new IntSchema()).setBounded(OffsetsInitializer.latest()).build(),
                        WatermarkStrategy.noWatermarks(), "kafka")
                .sinkTo(new DiscardingSink<>());
        String message = failureMessages(assertThrows(Exception.class, env::execute));
        assertTrue(message.contains("topic 'corrupt', partition 1, offset 2") && message.contains("'three' is not an int"),
                message);
    }

    @Test
    void skipAndDeadLetterPoliciesGoOnAndDeadLettersCarryWhereTheyCameFrom() throws Exception {
        KAFKA.createTopic("corrupt-policies", 2);
        KAFKA.createTopic("corrupt-policies-dead", 1);
        KAFKA.produce(List.of(new ProducerRecord<>("corrupt-policies", 1, "k1", "1"),
                new ProducerRecord<>("corrupt-policies", 1, "k2", "two"), new ProducerRecord<>("corrupt-policies", 1, "k3", "3"),
                new ProducerRecord<>("corrupt-policies", 0, "k4", "4"), new ProducerRecord<>("corrupt-policies", 0, "k5", "five")));
        for (BadRecordPolicy policy : List.of(BadRecordPolicy.SKIP, BadRecordPolicy.DEAD_LETTER)) {
            KafkaSource<Integer> source = KafkaSource.<Integer>builder().setBootstrapServers(KAFKA.bootstrapServers())
                    .setProperties(KAFKA.clientTimeouts()).setTopics("corrupt-policies")
                    .setValueOnlyDeserializer(new IntSchema()).setBounded(OffsetsInitializer.latest())
                    .setBadRecordPolicy(policy).setDeadLetterTopic("corrupt-policies-dead").build();
            List<Integer> out = new ArrayList<>();
            try (CloseableIterator<Integer> it = CLUSTER.createEnvironment(2)
                    .fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
                it.forEachRemaining(out::add);
            }
            out.sort(null);
            assertEquals(List.of(1, 3, 4), out, policy + ": the good records, each once");
        }
        // only the DEAD_LETTER run wrote letters: key and value unchanged, with where they came from
        Map<String, String> letters = new TreeMap<>();
        for (ConsumerRecord<String, String> letter : KAFKA.readAll("corrupt-policies-dead")) {
            letters.put(letter.key() + "=" + letter.value(), header(letter, "weir.source.topic") + "/"
                    + header(letter, "weir.source.partition") + "/" + header(letter, "weir.source.offset") + " "
                    + header(letter, "weir.error"));
        }
        assertEquals(Map.of("k2=two", "corrupt-policies/1/1 'two' is not an int",
                "k5=five", "corrupt-policies/0/1 'five' is not an int"), letters);
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    @Test
    void deadLetterWithoutATopicFailsAtBuildSayingWhatToCall() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> strings("t")
                .setBadRecordPolicy(BadRecordPolicy.DEAD_LETTER).build());
        assertTrue(e.getMessage().contains("setDeadLetterTopic"), e.getMessage());
    }

    @Test
    void aMissingTopicFailsTheJobNamingIt() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSource(strings("no-such-topic").build(), WatermarkStrategy.noWatermarks(), "kafka")
                .sinkTo(new DiscardingSink<>());
        String message = failureMessages(assertThrows(Exception.class, env::execute));
        assertTrue(message.contains("describing topics [no-such-topic]") && message.contains("does not exist"), message);
    }

    @Test
    void anUnreachableClusterFailsTheJobWithinTheTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSource(KafkaSource.<String>builder().setBootstrapServers("127.0.0.1:" + closedPort).setTopics("any")
                        .setValueOnlyDeserializer(new SimpleStringSchema())
                        .setProperty("default.api.timeout.ms", "2000").build(),
                        WatermarkStrategy.noWatermarks(), "kafka")
                .sinkTo(new DiscardingSink<>());
        long start = System.nanoTime();
        String message = failureMessages(assertThrows(Exception.class, env::execute));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(message.contains("bootstrap.servers=127.0.0.1:" + closedPort)
                && message.contains("did not answer within 2000 ms"), message);
        assertTrue(tookMs < 15_000, "failed after " + tookMs + " ms");
    }

    /** The messages of an exception and its causes, one per line. */
    static String failureMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }
}
