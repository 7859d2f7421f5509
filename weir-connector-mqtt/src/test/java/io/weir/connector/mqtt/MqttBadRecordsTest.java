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
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.connector.mqtt.source.MqttSource;
import io.weir.connector.mqtt.source.MqttSourceBuilder;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Corrupt messages under each bad-record policy, read at QoS 1 through persistent sessions: nothing
 * the broker accepted is lost. Failing leaves the bad message unacknowledged with the broker; skipping
 * drops only the bad ones (and says so); dead-lettering moves them, unchanged, to their own topic.
 * A bad message that is skipped or dead-lettered is acknowledged like a good one, once: the broker
 * does not deliver it again, and the messages after it flow.
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

    /**
     * Skipped or dead-lettered, a bad message is acknowledged with the checkpoint that covers it, so the
     * broker neither holds the messages after it back nor delivers it again: the good ones after it
     * arrive (a second batch too, published while the job runs), each once, and after a stop with a
     * savepoint (whose completion acknowledges what it covers) the job's session holds nothing: a
     * client resuming it receives only a message published after the stop. Under 'dead-letter' each bad
     * message lands once on the dead-letter topic.
     */
    @ParameterizedTest
    @EnumSource(value = BadRecordPolicy.class, names = {"SKIP", "DEAD_LETTER"})
    void aBadMessageIsAcknowledgedOnceAndNotDeliveredAgain(BadRecordPolicy policy, @TempDir Path savepoints)
            throws Exception {
        String name = "ack-" + policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
        publishInput(name);
        try (MqttTestClient deadLetters = MqttTestClient.subscriber(BROKER, name + "/dead")) {
            MqttSourceBuilder<String> builder = source(name).setBadRecordPolicy(policy);
            if (policy == BadRecordPolicy.DEAD_LETTER) {
                builder.setDeadLetterTopic(name + "/dead");
            }
            StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
            env.enableCheckpointing(20);
            env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "mqtt").sinkTo(new CollectingSink(name));
            JobClient job = env.executeAsync(name);
            Await.until(() -> CollectingSink.written(name).containsAll(GOOD), WAIT, "the good messages arrived");
            try (MqttTestClient publisher = MqttTestClient.publisher(BROKER)) {
                for (String value : List.of("6", "bad again", "7")) {
                    publisher.publish(name + "/in", value);
                }
            }
            List<String> good = new ArrayList<>(GOOD);
            good.addAll(List.of("n6", "n7"));
            Await.until(() -> CollectingSink.written(name).containsAll(good), WAIT,
                    "the good messages published while the job runs arrived");
            if (policy == BadRecordPolicy.DEAD_LETTER) {
                Await.until(() -> deadLetters.received().size() >= 3, WAIT, "the bad messages were dead-lettered");
            }
            job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(60, TimeUnit.SECONDS);
            assertEquals(good, CollectingSink.written(name), "every good message once, in order");

            try (MqttTestClient session = MqttTestClient.resume(BROKER, name + "-0");
                    MqttTestClient publisher = MqttTestClient.publisher(BROKER)) {
                publisher.publish(name + "/in", "after the stop");
                Await.until(() -> session.received().contains("after the stop"), WAIT,
                        "the resumed session received the new message");
                assertEquals(List.of("after the stop"), session.received(),
                        "the broker delivered none of the job's messages again: all were acknowledged");
            }
            List<String> expectedDeadLetters = policy == BadRecordPolicy.DEAD_LETTER
                    ? List.of("bad again", "oops", "{4}") : List.of();
            assertEquals(expectedDeadLetters, deadLetters.received().stream().sorted().toList(),
                    "each bad message dead-lettered once");
        }
    }
}
