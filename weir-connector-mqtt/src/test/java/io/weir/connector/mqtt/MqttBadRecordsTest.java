package io.weir.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.connector.mqtt.source.MqttSource;
import io.weir.connector.mqtt.source.MqttSourceBuilder;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Corrupt messages under each bad-record policy, read at QoS 1 through persistent sessions: nothing
 * the broker accepted is lost. Failing leaves the bad message unacknowledged with the broker; skipping
 * drops only the bad ones (and says so); dead-lettering moves them, unchanged, to their own topic.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MqttBadRecordsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> INPUT = List.of("1", "2", "oops", "3", "{4}", "5");
    private static final List<String> GOOD = List.of("n1", "n2", "n3", "n5");

    @RegisterExtension
    static final MqttBroker BROKER = new MqttBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    /** Reads a message as a whole number, or fails saying it is not one. */
    static final class Numbers implements DeserializationSchema<String> {
        @Override
        public String deserialize(byte[] message) throws IOException {
            String text = new String(message, StandardCharsets.UTF_8);
            if (!text.chars().allMatch(Character::isDigit)) {
                throw new IOException("'" + text + "' is not a number");
            }
            return "n" + text;
        }

        @Override
        public boolean isEndOfStream(String nextElement) {
            return false;
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    private static MqttSourceBuilder<String> source(String name) {
        return MqttSource.<String>builder().setServerUri(BROKER.serverUri()).setTopicFilters(name + "/in")
                .setClientIdPrefix(name).setDeserializer(new Numbers());
    }

    private static void publishInput(String name) throws Exception {
        MqttTestClient.createSession(BROKER, name + "-0", name + "/in");
        try (MqttTestClient publisher = MqttTestClient.publisher(BROKER)) {
            for (String value : INPUT) {
                publisher.publish(name + "/in", value);
            }
        }
    }

    @Test
    void failFailsTheJobNamingTheTopicAndLeavesTheMessageWithTheBroker() throws Exception {
        publishInput("bad-fail");
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.enableCheckpointing(20);
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // a restart would meet the same message
        env.configure(noRestarts);
        env.fromSource(source("bad-fail").build(), WatermarkStrategy.noWatermarks(), "mqtt")
                .sinkTo(new CollectingSink("bad-fail"));
        String messages = MqttSourceTest.messages(assertThrows(Exception.class, env::execute));
        assertTrue(messages.contains("could not deserialize the message on MQTT topic 'bad-fail/in'")
                && messages.contains("'oops' is not a number") && messages.contains("bad-record policy"), messages);

        // the session still holds the bad message and everything after it: nothing was acknowledged past it
        try (MqttTestClient session = MqttTestClient.resume(BROKER, "bad-fail-0")) {
            Await.until(() -> session.received().containsAll(List.of("oops", "3", "{4}", "5")), WAIT,
                    "the broker redelivered the unacknowledged messages, got " + session.received());
        }
    }

    @Test
    void skipDropsOnlyTheBadMessages() throws Exception {
        publishInput("bad-skip");
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.enableCheckpointing(20);
        env.fromSource(source("bad-skip").setBadRecordPolicy(BadRecordPolicy.SKIP).build(),
                WatermarkStrategy.noWatermarks(), "mqtt").sinkTo(new CollectingSink("bad-skip"));
        JobClient job = env.executeAsync("skip");
        Await.until(() -> CollectingSink.written("bad-skip").containsAll(GOOD), WAIT, "the good messages arrived");
        job.cancel().get(30, TimeUnit.SECONDS);
        assertEquals(GOOD, CollectingSink.written("bad-skip"));
    }

    @Test
    void deadLetterMovesTheBadMessagesUnchangedToTheirTopic() throws Exception {
        publishInput("bad-dlq");
        try (MqttTestClient deadLetters = MqttTestClient.subscriber(BROKER, "bad-dlq/dead")) {
            StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
            env.enableCheckpointing(20);
            env.fromSource(source("bad-dlq").setBadRecordPolicy(BadRecordPolicy.DEAD_LETTER)
                            .setDeadLetterTopic("bad-dlq/dead").build(), WatermarkStrategy.noWatermarks(), "mqtt")
                    .sinkTo(new CollectingSink("bad-dlq"));
            JobClient job = env.executeAsync("dead letter");
            Await.until(() -> CollectingSink.written("bad-dlq").containsAll(GOOD)
                    && deadLetters.received().size() >= 2, WAIT, "the good and the bad messages arrived");
            job.cancel().get(30, TimeUnit.SECONDS);
            assertEquals(GOOD, CollectingSink.written("bad-dlq"));
            assertEquals(new TreeSet<>(List.of("oops", "{4}")), new TreeSet<>(deadLetters.received()));
        }
    }
}
