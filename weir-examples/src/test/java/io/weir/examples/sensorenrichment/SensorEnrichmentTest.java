package io.weir.examples.sensorenrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.connector.kafka.KafkaBroker;
import io.weir.connector.mqtt.MqttBroker;
import io.weir.examples.pipelines.FailOnceInSecondHalf;
import io.weir.examples.sensorenrichment.SensorEnrichment.EnrichedReading;
import io.weir.examples.sensorenrichment.SensorEnrichment.Reading;
import io.weir.examples.sensorenrichment.SensorEnrichment.Sensor;
import io.weir.formats.json.JsonDeserializationSchema;
import io.weir.testutils.MiniClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT → enrichment → Kafka example end to end: readings published to a real Moquette broker,
 * the example's pipeline on a MiniCluster, the output read from a real KRaft broker by a
 * {@code read_committed} consumer. With a failure injected mid-way, it holds every enriched reading
 * once, as a failure-free run does.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SensorEnrichmentTest {
    private static final int READINGS = 400;
    private static final String FILTER = "sensors/+/readings";
    /** Four catalogued sensors and one the catalog does not know. */
    private static final String[] SENSORS = {"t-101", "t-102", "h-201", "p-301", "x-999"};

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MqttBroker MQTT = new MqttBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    private static Reading reading(int i) {
        return new Reading(SENSORS[i % SENSORS.length], i / SENSORS.length, 1_796_378_400_000L + i * 100L, i * 0.5);
    }

    private static List<EnrichedReading> expected() {
        List<EnrichedReading> enriched = new ArrayList<>();
        for (int i = 0; i < READINGS; i++) {
            Reading r = reading(i);
            Sensor sensor = SensorEnrichment.BUILT_IN_SENSORS.stream().filter(s -> s.id().equals(r.sensor()))
                    .findFirst().orElse(new Sensor(r.sensor(), "unknown", "unknown"));
            enriched.add(new EnrichedReading(r.sensor(), r.seq(), r.time(), r.value(), sensor.site(), sensor.unit()));
        }
        enriched.sort(ORDER);
        return enriched;
    }

    private static final Comparator<EnrichedReading> ORDER =
            Comparator.comparing(EnrichedReading::sensor).thenComparingLong(EnrichedReading::seq);

    private static MqttClient connect(String clientId, boolean cleanSession) throws Exception {
        MqttClient client = new MqttClient(MQTT.serverUri(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setMaxInflight(1_000);
        client.setTimeToWait(10_000);
        client.connect(options);
        return client;
    }

    /**
     * Creates the job's persistent session (subscribed to the readings) on the broker. Moquette 0.17 now
     * and then drops a connection whose SUBSCRIBE follows its CONNACK at once ("SUBSCRIBE received on
     * already closed connection", seen at load 20): paho reports the connection lost, and the session is
     * simply created again, at most three times.
     */
    private static void createSession(String clientId) throws Exception {
        for (int attempt = 1; ; attempt++) {
            MqttClient session = connect(clientId, false);
            try {
                session.subscribe(FILTER, 1);
                session.disconnect();
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST || attempt == 3) {
                    throw e;
                }
            } finally {
                session.close(true);
            }
        }
    }

    private static void publish(int from, int to) throws Exception {
        MqttClient publisher = connect(MqttClient.generateClientId(), true);
        try {
            for (int i = from; i < to; i++) {
                Reading r = reading(i);
                String json = "{\"sensor\":\"" + r.sensor() + "\",\"seq\":" + r.seq() + ",\"time\":" + r.time()
                        + ",\"value\":" + r.value() + "}";
                publisher.publish("sensors/" + r.sensor() + "/readings", json.getBytes(StandardCharsets.UTF_8), 1, false);
            }
        } finally {
            publisher.disconnect();
            publisher.close();
        }
    }

    private static List<EnrichedReading> committed(String topic) throws Exception {
        JsonDeserializationSchema<EnrichedReading> json = new JsonDeserializationSchema<>(EnrichedReading.class);
        List<EnrichedReading> out = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KAFKA.readCommitted(topic)) {
            out.add(json.deserialize(record.value().getBytes(StandardCharsets.UTF_8)));
        }
        out.sort(ORDER);
        return out;
    }

    /** Runs the example until the output holds as many readings as went in, then a few checkpoints more. */
    private static List<EnrichedReading> run(String name, boolean injectFailure) throws Exception {
        String output = name + "-out";
        KAFKA.createTopic(output, 1);
        // the job's persistent session, created first so that the broker queues the readings for it
        createSession(name + "-0");
        publish(0, READINGS / 2);
        FailOnceInSecondHalf.reset(READINGS / 2);

        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        FailOnceInSecondHalf.checkpointAndRestartQuickly(env);
        DataStream<Reading> readings = SensorEnrichment.readReadings(env, SensorEnrichment.source(MQTT.serverUri(), FILTER, name)
                .setReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).build());
        SensorEnrichment.enrich(readings.map(new FailOnceInSecondHalf<Reading>(injectFailure)).returns(readings.getType()),
                        SensorEnrichment.BUILT_IN_SENSORS)
                .sinkTo(SensorEnrichment.sink(KAFKA.bootstrapServers(), output, name)
                        .setKafkaProducerConfig(KAFKA.clientTimeouts()).build());
        JobClient job = env.executeAsync("sensor enrichment " + name);
        try {
            FailOnceInSecondHalf.awaitFirstHalfCheckpointed();
            publish(READINGS / 2, READINGS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (KAFKA.readCommitted(output).size() < READINGS) {
                assertTrue(System.nanoTime() < deadline, "the output reached " + READINGS + " readings within 120 s");
                FailOnceInSecondHalf.awaitCheckpoints(2);
            }
            FailOnceInSecondHalf.awaitCheckpoints(4); // a duplicate would be committed by now
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
        assertEquals(injectFailure, FailOnceInSecondHalf.failed(), "the failure was injected if asked");
        return committed(output);
    }

    @Test
    void aReadCommittedConsumerSeesEveryEnrichedReadingOnceThroughAFailure() throws Exception {
        List<EnrichedReading> failureFree = run("enrich-clean", false);
        assertEquals(expected(), failureFree, "every reading once, enriched");
        assertEquals(failureFree, run("enrich-failing", true), "the output of the failure-free run");
    }

    @Test
    void theCatalogFileIsReadAndABadLineIsNamed(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("sensors.csv");
        Files.writeString(good, "# id,site,unit\nt-1, hall-c, celsius\n\n");
        assertEquals(List.of(new Sensor("t-1", "hall-c", "celsius")), SensorEnrichment.readCatalog(good));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "t-1,hall-c,celsius\nt-2;hall-c\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SensorEnrichment.readCatalog(bad));
        assertEquals(bad + ", line 2: expected 'id,site,unit', found 't-2;hall-c'", e.getMessage());
        IllegalArgumentException uri = assertThrows(IllegalArgumentException.class, () -> SensorEnrichment.main(
                new String[] {"--mqtt-uri", "mqtt://broker", "--bootstrap-servers", "k:9092"}));
        assertTrue(uri.getMessage().startsWith("--mqtt-uri must be tcp://host:port"), uri.getMessage());
    }
}
