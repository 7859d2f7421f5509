package io.weir.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Types;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.connector.kafka.sink.KafkaSinkBuilder;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exactly-once KafkaSink's transactions outside the failure-injection runs of
 * {@link KafkaSinkExactlyOnceTest}: what a crashed attempt left open, and the settings that would
 * lose records, each refused with the setting to change.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaSinkTransactionsTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static KafkaSinkBuilder<String> sink(String topic) {
        return KafkaSink.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setKafkaProducerConfig(KAFKA.clientTimeouts())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("eo-test-" + topic);
    }

    private static List<String> committedValues(String topic) {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KAFKA.readCommitted(topic)) {
            values.add(record.value());
        }
        values.sort(null);
        return values;
    }

    /**
     * Transactions a crashed attempt left open (their producers gone without ending them) are aborted
     * when the job starts again: a {@code read_committed} consumer can read past them at once instead
     * of waiting for the broker to time them out. Transactions of another prefix are not touched.
     */
    @Test
    void transactionsLeftOpenByACrashedAttemptAreAbortedOnStart() throws Exception {
        KAFKA.createTopic("linger-out", 1);
        KAFKA.createTopic("linger-other", 1);
        String prefix = "eo-test-linger-out";
        leaveOpen(prefix + "-0-5", "linger-out", "ghost of subtask 0");
        leaveOpen(prefix + "-3-2", "linger-out", "ghost of a subtask that is gone");
        leaveOpen("another-job-0-1", "linger-other", "not ours");

        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData("a", "b", "c").sinkTo(sink("linger-out").build());
        env.execute("after a crash");

        assertEquals(List.of("a", "b", "c"), committedValues("linger-out"), "readable to the end, without the ghosts");
        assertEquals(List.of("another-job-0-1"), openTransactions(prefix, "another-job"),
                "the other prefix's transaction stays open");
        try (KafkaProducer<String, String> fence = transactional("another-job-0-1")) {
            fence.initTransactions(); // aborts it, so later tests see no open transaction
        }
    }

    private static KafkaProducer<String, String> transactional(String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Writes a record in a transaction and drops the producer without ending it, as a crash would. */
    private static void leaveOpen(String transactionalId, String topic, String value) {
        KafkaProducer<String, String> producer = transactional(transactionalId);
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, value));
        producer.flush();
        producer.close(Duration.ZERO); // a graceful close would abort the transaction
    }

    /** The open transactions whose ids start with one of the prefixes (other test classes share the broker). */
    private static List<String> openTransactions(String... prefixes) throws Exception {
        return KAFKA.admin().listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
                .all().get(30, TimeUnit.SECONDS).stream().map(TransactionListing::transactionalId)
                .filter(id -> java.util.Arrays.stream(prefixes).anyMatch(id::startsWith)).sorted().toList();
    }

    @Test
    void aTransactionTimeoutAboveTheBrokersMaximumFailsTheJobSayingWhichSettingToChange() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData("x").sinkTo(sink("timeout-out")
                .setProperty("transaction.timeout.ms", "3600000").build());

        String message = KafkaSourceTest.failureMessages(assertThrows(Exception.class, env::execute));
        assertTrue(message.contains("transaction.max.timeout.ms") && message.contains("3600000 ms"), message);
    }

    /**
     * Without checkpoints a transaction would stay open until the input ends, and Kafka aborts it
     * after transaction.timeout.ms: the sink fails the job before that, saying to turn checkpointing on.
     */
    @Test
    void exactlyOnceWithoutCheckpointsFailsBeforeKafkaAbortsTheTransaction() throws Exception {
        KAFKA.createTopic("no-checkpoints-out", 1);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSource(new DataGeneratorSource<>(i -> "r" + i, 10_000, RateLimiterStrategy.perSecond(500), Types.STRING),
                        WatermarkStrategy.noWatermarks(), "slow")
                .sinkTo(sink("no-checkpoints-out")
                        .setProperty("transaction.timeout.ms", "1000").build());

        String message = KafkaSourceTest.failureMessages(assertThrows(Exception.class, env::execute));
        assertTrue(message.contains("env.enableCheckpointing") && message.contains("1000 ms"), message);
    }
}
