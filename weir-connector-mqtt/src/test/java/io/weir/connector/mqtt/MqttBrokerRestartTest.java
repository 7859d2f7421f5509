package io.weir.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.connector.mqtt.source.MqttSource;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A broker that stops and starts again (with its stored sessions) while a job reads from it. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MqttBrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MqttBroker BROKER = MqttBroker.persistent();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

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

    @Test
    void aBrokerRestartMidJobLosesNoMessage() throws Exception {
        MqttTestClient.createSession(BROKER, "restart-0", "restart/in");
        List<String> first = range("r", 0, 100);
        List<String> second = range("r", 100, 200);
        publish("restart/in", first);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.enableCheckpointing(20);
        env.fromSource(MqttSource.<String>builder().setServerUri(BROKER.serverUri())
                        .setTopicFilters("restart/in").setClientIdPrefix("restart")
                        .setReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                        .setDeserializer(new SimpleStringSchema()).build(), WatermarkStrategy.noWatermarks(), "mqtt")
                .sinkTo(new CollectingSink("restart"));
        JobClient job = env.executeAsync("broker restart");
        Await.until(() -> CollectingSink.written("restart").size() >= 50, WAIT, "half of the first batch arrived");

        BROKER.restart();
        publish("restart/in", second);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        Await.until(() -> new TreeSet<>(CollectingSink.written("restart")).containsAll(all), WAIT,
                "every message arrived");
        job.cancel().get(30, TimeUnit.SECONDS);
        assertEquals(new TreeSet<>(all), new TreeSet<>(CollectingSink.written("restart")));
    }

}
