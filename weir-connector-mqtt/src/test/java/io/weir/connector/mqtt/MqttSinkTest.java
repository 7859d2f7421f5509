package io.weir.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.connector.mqtt.sink.MqttSink;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MqttSink jobs on a MiniCluster against a real in-process Moquette broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttSinkTest {
    @RegisterExtension
    static final MqttBroker BROKER = new MqttBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    @Test
    void publishesEveryRecordAtQosOneToTheSelectedTopics() throws Exception {
        try (MqttTestClient subscriber = MqttTestClient.subscriber(BROKER, "out/#")) {
            StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
            env.fromSequence(0, 499).map(i -> "n" + i)
                    .sinkTo(MqttSink.<String>builder()
                            .setServerUri(BROKER.serverUri())
                            .setTopicSelector(v -> Integer.parseInt(v.substring(1)) % 2 == 0 ? "out/even" : "out/odd")
                            .setSerializationSchema(new SimpleStringSchema())
                            .setMaxInFlight(20)
                            .build());
            env.execute("mqtt sink");

            // the job ended only after the broker acknowledged every message; the subscriber gets them from the broker
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                expected.add("n" + i);
            }
            Await.until(() -> subscriber.received().size() >= 500, Duration.ofSeconds(30), "500 messages arrived");
            assertEquals(new TreeSet<>(expected), new TreeSet<>(subscriber.received()));
            assertEquals(500, subscriber.received().size(), "each once");
        }
    }

    @Test
    void aSelectedTopicWithAWildcardFailsTheJobNamingIt() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData("a").sinkTo(MqttSink.<String>builder().setServerUri(BROKER.serverUri())
                .setTopicSelector(v -> "bad/+").setSerializationSchema(new SimpleStringSchema()).build());
        String messages = MqttSourceTest.messages(assertThrows(Exception.class, env::execute));
        assertTrue(messages.contains("'bad/+' contains a wildcard"), messages);
    }

    @Test
    void missingPartsFailAtBuild() {
        assertThrows(IllegalStateException.class, () -> MqttSink.<String>builder().setServerUri(BROKER.serverUri())
                .setSerializationSchema(new SimpleStringSchema()).build());
        assertThrows(IllegalArgumentException.class, () -> MqttSink.<String>builder().setTopic("a/#"));
        assertThrows(IllegalArgumentException.class, () -> MqttSink.<String>builder().setServerUri("http://x")
                .setTopic("a").setSerializationSchema(new SimpleStringSchema()).build());
    }
}
