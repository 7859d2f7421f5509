package io.weir.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.formats.json.JsonDeserializationSchema;
import io.weir.formats.json.JsonSerializationSchema;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** KafkaSink jobs on a MiniCluster, checked by reading the topic back with a plain consumer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaSinkTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static KafkaSink<String> sink(String topic, DeliveryGuarantee guarantee) {
        return KafkaSink.<String>builder().setTransactionalIdPrefix("sink-test-" + topic)
                .setBootstrapServers(KAFKA.bootstrapServers()).setKafkaProducerConfig(KAFKA.clientTimeouts())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic(topic)
                        .setKeySerializationSchema((String v) -> v.substring(0, 1).getBytes())
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(guarantee)
                .build();
    }

    @ParameterizedTest
    @EnumSource(DeliveryGuarantee.class)
    void writesEveryRecordWithItsKey(DeliveryGuarantee guarantee) throws Exception {
        String topic = "sink-" + guarantee;
        KAFKA.createTopic(topic, 3);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(0, 2999).map(i -> (i % 10) + "-" + i).sinkTo(sink(topic, guarantee));
        env.execute("write " + topic); // without checkpoints EXACTLY_ONCE commits at the end of the input

        List<ConsumerRecord<String, String>> written = KAFKA.readCommitted(topic);
        assertEquals(3000, written.size());
        Map<String, String> keyOfValue = new TreeMap<>();
        written.forEach(r -> keyOfValue.put(r.value(), r.key()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            expected.add((i % 10) + "-" + i);
        }
        expected.sort(null);
        assertEquals(expected, List.copyOf(keyOfValue.keySet()), "every value once");
        keyOfValue.forEach((value, key) -> assertEquals(value.substring(0, 1), key));
        // records with one key go to one partition
        Map<String, Integer> partitionOfKey = new TreeMap<>();
        written.forEach(r -> assertEquals(partitionOfKey.computeIfAbsent(r.key(), k -> r.partition()), r.partition()));
    }

    @Test
    void aRecordKafkaRefusesFailsTheJobInsteadOfBeingDropped() throws Exception {
        KAFKA.createTopic("too-large", 1);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setKafkaProducerConfig(KAFKA.clientTimeouts())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic("too-large")
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("max.request.size", "2000")
                .build();
        env.fromData("small", "x".repeat(5000), "small again").sinkTo(sink);
        String message = KafkaSourceTest.failureMessages(assertThrows(Exception.class, env::execute));
        assertTrue(message.contains("could not send a record to Kafka") && message.contains("RecordTooLargeException"),
                message);
    }

    @Test
    void anUnreachableClusterFailsTheJobWithinMaxBlockMs() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData("lost?").sinkTo(KafkaSink.<String>builder()
                .setBootstrapServers("127.0.0.1:" + closedPort)
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic("nowhere")
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("max.block.ms", "2000")
                .build());
        long start = System.nanoTime();
        String message = KafkaSourceTest.failureMessages(assertThrows(Exception.class, env::execute));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(message.contains("could not send a record to Kafka (bootstrap.servers=127.0.0.1:" + closedPort)
                && message.contains("2000 ms"), message);
        assertTrue(tookMs < 15_000, "failed after " + tookMs + " ms");
    }

    @Test
    void exactlyOnceWithoutATransactionalIdPrefixIsRefusedSayingWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KafkaSink.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic("t")
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .build());
        assertTrue(e.getMessage().contains("setTransactionalIdPrefix"), e.getMessage());
    }

    public record Payment(String card, long amountCents) {}

    /** JSON both ways: the sink writes records as JSON, a bounded source reads them back into records. */
    @Test
    void jsonRecordsGoOutAndComeBack() throws Exception {
        KAFKA.createTopic("payments", 2);
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            payments.add(new Payment("card-" + (i % 7), 100L * i));
        }
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData(payments).sinkTo(KafkaSink.<Payment>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setKafkaProducerConfig(KAFKA.clientTimeouts())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic("payments")
                        .setKeySerializationSchema((Payment p) -> p.card().getBytes())
                        .setValueSerializationSchema(new JsonSerializationSchema<Payment>()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build());
        env.execute("write payments");
        assertTrue(KAFKA.readAll("payments").get(0).value().startsWith("{\"card\":\"card-"));

        List<Payment> read = new ArrayList<>();
        try (CloseableIterator<Payment> it = CLUSTER.createEnvironment(2).fromSource(KafkaSource.<Payment>builder()
                        .setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts()).setTopics("payments")
                        .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Payment.class))
                        .setBounded(OffsetsInitializer.latest()).build(), WatermarkStrategy.noWatermarks(), "payments")
                .executeAndCollect()) {
            it.forEachRemaining(read::add);
        }
        read.sort(java.util.Comparator.comparingLong(Payment::amountCents));
        assertEquals(payments, read);
    }
}
