package io.weir.examples.cardfraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.connector.kafka.KafkaBroker;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.examples.cardfraud.CardFraud.Alert;
import io.weir.examples.cardfraud.CardFraud.Payment;
import io.weir.examples.pipelines.FailOnceInSecondHalf;
import io.weir.formats.json.JsonDeserializationSchema;
import io.weir.testutils.MiniClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card-fraud scorer end to end on a real KRaft broker with keyed state on RocksDB: a crafted
 * payment stream whose alerts are known, delivered out of order (up to 40 s, inside the 45 s the
 * watermark allows) among a thousand ordinary payments. A run with a failure injected mid-way
 * commits the same alerts as a failure-free run, each once.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CardFraudTest {
    /** In the past: alerts carry their event time as Kafka timestamp, and brokers refuse those over an hour ahead. */
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    private static int ids;

    private static Payment payment(String card, long time, long cents, boolean declined) {
        return new Payment("p-" + ids++, card, cents, declined ? "DECLINED" : "APPROVED", time);
    }

    /** The payments in arrival order: by time plus a jitter of up to 40 s, so many arrive after later ones. */
    static List<Payment> payments() {
        ids = 0;
        List<Payment> payments = new ArrayList<>(List.of(
                // c-1: three declines in [T0, T0 + 10 min) -> DECLINES
                payment("c-1", T0 + MINUTE, 1_000, true),
                payment("c-1", T0 + 3 * MINUTE, 1_000, true),
                payment("c-1", T0 + 9 * MINUTE, 1_000, true),
                // c-2: three declines, but never three in one window -> nothing
                payment("c-2", T0 + 8 * MINUTE, 1_000, true),
                payment("c-2", T0 + 9 * MINUTE, 1_000, true),
                payment("c-2", T0 + 11 * MINUTE, 1_000, true),
                // c-3: four declines in [T0 + 10 min, T0 + 20 min) -> DECLINES 4
                payment("c-3", T0 + 12 * MINUTE, 1_000, true),
                payment("c-3", T0 + 13 * MINUTE, 1_000, true),
                payment("c-3", T0 + 14 * MINUTE, 1_000, true),
                payment("c-3", T0 + 15 * MINUTE, 1_000, true),
                // c-4: 2000 + 2000 + 1500 over 12 h -> SPEND_24H at 12 h; the first leaves at 24 h, so
                // 25 h is under the limit again (4500), and 26 h crosses it once more (5300)
                payment("c-4", T0, 200_000, false),
                payment("c-4", T0 + 6 * HOUR, 200_000, false),
                payment("c-4", T0 + 12 * HOUR, 150_000, false),
                payment("c-4", T0 + 25 * HOUR, 100_000, false),
                payment("c-4", T0 + 26 * HOUR, 80_000, false),
                // c-5: 4900 at T0 has left the 24 h when 200 comes at exactly T0 + 24 h -> nothing
                payment("c-5", T0, 490_000, false),
                payment("c-5", T0 + 24 * HOUR, 20_000, false),
                // declined payments do not count as spend
                payment("c-6", T0 + HOUR, 400_000, false),
                payment("c-6", T0 + 2 * HOUR, 400_000, true)));
        for (int i = 0; i < 1_000; i++) { // 50 cards with 20 payments of 10.00 each over 30 h
            payments.add(payment("f-" + (i % 50), T0 + i * 108_000L, 1_000, false));
        }
        payments.sort(Comparator.comparingLong(p -> p.time() + jitter(p)));
        return payments;
    }

    private static long jitter(Payment payment) {
        return Math.floorMod(payment.id().hashCode() * 7919L, 40_000L);
    }

    static List<Alert> expectedAlerts() {
        return sorted(List.of(
                new Alert("c-1", "DECLINES", T0, 3),
                new Alert("c-3", "DECLINES", T0 + 10 * MINUTE, 4),
                new Alert("c-4", "SPEND_24H", T0 + 12 * HOUR, 550_000),
                new Alert("c-4", "SPEND_24H", T0 + 26 * HOUR, 530_000)));
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        List<Alert> copy = new ArrayList<>(alerts);
        copy.sort(Comparator.comparing(Alert::card).thenComparingLong(Alert::time));
        return copy;
    }

    private static String json(Payment p) {
        return "{\"id\":\"" + p.id() + "\",\"card\":\"" + p.card() + "\",\"amount\":" + p.amount() + ",\"status\":\""
                + p.status() + "\",\"time\":" + p.time() + "}";
    }

    /** Writes payments [from, to) of the arrival order to two partitions, alternately. */
    private static void produce(String topic, List<Payment> payments, int from, int to) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(new ProducerRecord<>(topic, i % 2, null, json(payments.get(i))));
        }
        KAFKA.produce(records);
    }

    private static List<Alert> committedAlerts(String topic) throws Exception {
        JsonDeserializationSchema<Alert> json = new JsonDeserializationSchema<>(Alert.class);
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KAFKA.readCommitted(topic)) {
            alerts.add(json.deserialize(record.value().getBytes(StandardCharsets.UTF_8)));
        }
        return sorted(alerts);
    }

    private static List<Alert> run(String name, boolean injectFailure, Path rocksDbDir) throws Exception {
        List<Payment> payments = payments();
        int half = payments.size() / 2;
        String input = name + "-payments";
        String alerts = name + "-alerts";
        KAFKA.createTopic(input, 2);
        KAFKA.createTopic(alerts, 1);
        produce(input, payments, 0, half);
        FailOnceInSecondHalf.reset(half);

        long perPartition = (payments.size() + 1) / 2;
        KafkaSource<Payment> source = CardFraud.source(KAFKA.bootstrapServers(), input, name)
                .setProperties(KAFKA.clientTimeouts())
                .setBounded(OffsetsInitializer.offsets(Map.of(new TopicPartition(input, 0), perPartition,
                        new TopicPartition(input, 1), payments.size() - perPartition)))
                .build();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        FailOnceInSecondHalf.checkpointAndRestartQuickly(env);
        CardFraud.useRocksDb(env);
        env.configure(new Configuration().setString("state.backend.rocksdb.localdir", rocksDbDir.toString()));
        DataStream<Payment> read = CardFraud.readPayments(env, source);
        CardFraud.score(read.map(new FailOnceInSecondHalf<Payment>(injectFailure)).returns(read.getType()))
                .sinkTo(CardFraud.sink(KAFKA.bootstrapServers(), alerts, name)
                        .setKafkaProducerConfig(KAFKA.clientTimeouts()).build());
        JobClient job = env.executeAsync("card fraud " + name);
        FailOnceInSecondHalf.awaitFirstHalfCheckpointed();
        produce(input, payments, half, payments.size());
        job.getJobExecutionResult().get(200, TimeUnit.SECONDS);
        assertEquals(injectFailure, FailOnceInSecondHalf.failed(), "the failure was injected if asked");
        return committedAlerts(alerts);
    }

    @Test
    void theKnownAlertsComeOnceEachThroughAFailure(@TempDir Path dir) throws Exception {
        List<Alert> failureFree = run("fraud-clean", false, dir.resolve("clean"));
        assertEquals(expectedAlerts(), failureFree, "the crafted stream's alerts");
        assertEquals(failureFree, run("fraud-failing", true, dir.resolve("failing")), "the alerts of the failure-free run");
    }

    @Test
    void theCraftedStreamIsOutOfOrderWithinTheBound() {
        List<Payment> payments = payments();
        long latest = Long.MIN_VALUE;
        int outOfOrder = 0;
        for (Payment payment : payments) {
            if (payment.time() < latest) {
                outOfOrder++;
                assertTrue(latest - payment.time() < CardFraud.OUT_OF_ORDERNESS.toMillis(), payment + " is late");
            }
            latest = Math.max(latest, payment.time());
        }
        assertTrue(outOfOrder > 0, "some payments arrive after later ones");
    }

    @Test
    void aMissingBrokerArgumentSaysWhatToType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CardFraud.main(new String[] {"--input-topic", "payments"}));
        assertTrue(e.getMessage().startsWith("'--bootstrap-servers' is required. Usage: card-fraud"), e.getMessage());
        IllegalArgumentException bounded = assertThrows(IllegalArgumentException.class,
                () -> CardFraud.main(new String[] {"--bootstrap-servers", "k:9092", "--bounded", "yes"}));
        assertTrue(bounded.getMessage().startsWith("'--bounded' must be true or false, not 'yes'"), bounded.getMessage());
        assertEquals(Duration.ofSeconds(45), CardFraud.OUT_OF_ORDERNESS);
    }
}
