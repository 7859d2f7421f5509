package io.weir.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.RichMapFunction;
import io.weir.connector.mqtt.source.MqttSource;
import io.weir.connector.mqtt.source.MqttSourceBuilder;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MqttSource jobs on a MiniCluster against a real in-process Moquette broker. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MqttSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MqttBroker BROKER = new MqttBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    private static MqttSourceBuilder<String> strings(String clientIdPrefix, String... filters) {
        return MqttSource.<String>builder()
                .setServerUri(BROKER.serverUri())
                .setTopicFilters(filters)
                .setClientIdPrefix(clientIdPrefix)
                .setReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .setDeserializer(new SimpleStringSchema());
    }

    private static StreamExecutionEnvironment checkpointed(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(20);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        return env;
    }

    private static List<String> range(String prefix, int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(prefix + i);
        }
        return values;
    }

    private static void publish(String topic, List<String> values) throws Exception {
        try (MqttTestClient publisher = MqttTestClient.publisher(BROKER)) {
            for (String value : values) {
                publisher.publish(topic, value);
            }
        }
    }

    private static void awaitAll(String sink, List<String> expected) {
        Set<String> wanted = new TreeSet<>(expected);
        Await.until(() -> new TreeSet<>(CollectingSink.written(sink)).containsAll(wanted), WAIT,
                "the job has written all of " + wanted.size() + " values (has "
                        + new TreeSet<>(CollectingSink.written(sink)).size() + ")");
    }

    @Test
    void readsEveryMessageOfWildcardFiltersThroughPersistentSessions() throws Exception {
        MqttTestClient.createSession(BROKER, "wild-0", "sensors/+/temperature");
        MqttTestClient.createSession(BROKER, "wild-1", "alarms/#");
        List<String> temperatures = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        try (MqttTestClient publisher = MqttTestClient.publisher(BROKER)) {
            for (int i = 0; i < 50; i++) {
                publisher.publish("sensors/s" + (i % 3) + "/temperature", "t" + i);
                temperatures.add("t" + i);
                publisher.publish("alarms/building" + (i % 2) + "/floor/" + i, "a" + i);
                alarms.add("a" + i);
                publisher.publish("sensors/s1/humidity", "h" + i); // matches neither filter
            }
        }
        StreamExecutionEnvironment env = checkpointed(2);
        env.fromSource(strings("wild", "sensors/+/temperature", "alarms/#").build(), WatermarkStrategy.noWatermarks(),
                "mqtt").sinkTo(new CollectingSink("wild"));
        JobClient job = env.executeAsync("wildcards");
        List<String> expected = new ArrayList<>(temperatures);
        expected.addAll(alarms);
        awaitAll("wild", expected);
        job.cancel().get(30, TimeUnit.SECONDS);

        List<String> written = CollectingSink.written("wild");
        assertEquals(new TreeSet<>(expected), new TreeSet<>(written), "the matching messages, no humidity");
        assertEquals(temperatures, written.stream().filter(v -> v.startsWith("t")).distinct().toList(),
                "one session's messages keep their order");
    }

    @Test
    void qosZeroReadsWhatArrivesWhileConnected() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSource(strings("qos0", "qos0/#").setQos(0).setCleanSession(true).build(),
                WatermarkStrategy.noWatermarks(), "mqtt").sinkTo(new CollectingSink("qos0"));
        JobClient job = env.executeAsync("qos 0");
        AtomicBoolean stop = new AtomicBoolean();
        Thread publisher = new Thread(() -> {
            try (MqttTestClient client = MqttTestClient.publisher(BROKER)) {
                for (int i = 0; !stop.get(); i++) {
                    client.publish("qos0/x", "m" + i);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        publisher.start();
        try {
            Await.until(() -> CollectingSink.written("qos0").size() >= 20, WAIT, "20 QoS 0 messages arrived");
        } finally {
            stop.set(true);
            publisher.join(10_000);
        }
        job.cancel().get(30, TimeUnit.SECONDS);
        List<Integer> seqs = CollectingSink.written("qos0").stream().map(v -> Integer.parseInt(v.substring(1))).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "in publishing order, each once: " + seqs);
        }
    }

    /** Fails once, after a checkpoint has completed, when it has seen {@code failAt} records. */
    static final class FailOnce extends RichMapFunction<String, String> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private final int failAt;
        private int seen;

        FailOnce(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public String map(String value) {
            if (++seen == failAt && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + value);
            }
            return value;
        }
    }

    @Test
    void aJobFailureLosesNoMessageAndRepeatsOnlyThoseAfterTheLastCheckpoint() throws Exception {
        MqttTestClient.createSession(BROKER, "fail-0", "fail/in");
        List<String> values = range("v", 0, 300);
        publish("fail/in", values);
        FailOnce.FAILED.set(false);
        StreamExecutionEnvironment env = checkpointed(1);
        env.fromSource(strings("fail", "fail/in").build(), WatermarkStrategy.noWatermarks(), "mqtt")
                .map(new FailOnce(150))
                .sinkTo(new CollectingSink("fail"));
        JobClient job = env.executeAsync("failure");
        awaitAll("fail", values);
        job.cancel().get(30, TimeUnit.SECONDS);

        assertTrue(FailOnce.FAILED.get(), "the failure was injected");
        List<String> written = CollectingSink.written("fail");
        assertEquals(values, written.stream().distinct().sorted((a, b) -> Integer.compare(
                Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)))).toList(), "every message");
        // the restored session redelivers what was not acknowledged: the messages after the last
        // completed checkpoint, which were before the failure (the in-flight window bounds them)
        assertTrue(written.size() - values.size() < 150, written.size() + " written");
    }

    @Test
    void aBrokerThatIsNotThereFailsTheJobNamingIt() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSource(MqttSource.<String>builder().setServerUri("tcp://127.0.0.1:1")
                        .setTopicFilters("x").setDeserializer(new SimpleStringSchema())
                        .setConnectionTimeout(Duration.ofSeconds(2)).build(),
                WatermarkStrategy.noWatermarks(), "mqtt").sinkTo(new CollectingSink("nobroker"));
        Exception e = assertThrows(Exception.class, env::execute);
        String messages = messages(e);
        assertTrue(messages.contains("could not connect and subscribe") && messages.contains("tcp://127.0.0.1:1"),
                messages);
    }

    @Test
    void badFiltersAndMissingPartsFailAtBuild() {
        assertThrows(IllegalArgumentException.class, () -> strings("b", "a/#/b").build());
        assertThrows(IllegalArgumentException.class, () -> strings("b", "a/b+").build());
        assertThrows(IllegalArgumentException.class, () -> strings("b", "a").setQos(2).build());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> MqttSource.<String>builder().setServerUri(BROKER.serverUri()).build());
        assertTrue(missing.getMessage().contains("topic filter"), missing.getMessage());
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
