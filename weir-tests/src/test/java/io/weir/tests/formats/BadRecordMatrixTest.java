package io.weir.tests.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.fs.Path;
import io.weir.api.types.Row;
import io.weir.api.types.Types;
import io.weir.connector.file.src.FileSource;
import io.weir.connector.file.src.reader.DeserializingLineFormat;
import io.weir.connector.kafka.KafkaBroker;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.formats.json.JsonDeserializationSchema;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.testutils.MiniClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-record matrix: the same input (twenty good JSON records with two corrupt ones among them,
 * one not JSON, one with a field of the wrong type) through each source under each policy it offers:
 * the Kafka table ({@code scan.bad-record.policy}), the DataStream {@code KafkaSource}
 * ({@code setBadRecordPolicy}) and the {@code FileSource} ({@code setBadRecordPolicy}).
 * {@code fail} fails naming where (topic, partition and offset; file and line) and what; {@code skip}
 * and {@code dead-letter} go on, and the good records out are exactly the good records in; a
 * dead-lettered record arrives unchanged. MQTT's column of the matrix is {@code MqttBadRecordsTest}
 * in its module (Moquette's Netty 4.1 stays out of this module, which runs Netty 4.2).
 *
 * <p>The file source has {@code fail} and {@code skip} only: a source has no second output for dead
 * letters, and a bad line stays in its file, where the error or log's file and line point.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadRecordMatrixTest {
    private static final String NOT_JSON = "oops";
    private static final String WRONG_TYPE = "{\"n\": \"x\"}";

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    @TempDir
    static java.nio.file.Path files;

    /** A number in JSON: {@code {"n": 7}}. */
    public record Numbered(int n) {}

    /** The input in order; the bad records are at positions 5 and 13. */
    private static List<String> input() {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            lines.add("{\"n\": " + n + "}");
            if (n == 5) {
                lines.add(NOT_JSON);
            } else if (n == 12) {
                lines.add(WRONG_TYPE);
            }
        }
        return lines;
    }

    private static List<Integer> goodIn() {
        return java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList();
    }

    enum Source { KAFKA, KAFKA_DATASTREAM, FILE }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Source.KAFKA, "fail"), Arguments.of(Source.KAFKA, "skip"),
                Arguments.of(Source.KAFKA, "dead-letter"), Arguments.of(Source.KAFKA_DATASTREAM, "fail"),
                Arguments.of(Source.KAFKA_DATASTREAM, "skip"), Arguments.of(Source.KAFKA_DATASTREAM, "dead-letter"),
                Arguments.of(Source.FILE, "fail"), Arguments.of(Source.FILE, "skip"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void eachPolicyDoesWhatItSaysAndNoGoodRecordIsLost(Source source, String policy) throws Exception {
        String name = "matrix-" + source.name().toLowerCase() + "-" + policy;
        switch (source) {
            case KAFKA -> kafka(name, policy);
            case KAFKA_DATASTREAM -> kafkaDataStream(name, policy);
            case FILE -> file(name, policy);
        }
    }

    private void kafka(String topic, String policy) throws Exception {
        KAFKA.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String line : input()) {
            records.add(new ProducerRecord<>(topic, 0, null, line));
        }
        KAFKA.produce(records);
        String deadLetters = topic + "-dead";
        KAFKA.createTopic(deadLetters, 1);
        StreamTableEnvironment tables = StreamTableEnvironment.create(CLUSTER.createEnvironment(1));
        tables.executeSql("CREATE TABLE numbers (n INT) WITH ('connector' = 'kafka', 'topic' = '" + topic + "',"
                + " 'properties.bootstrap.servers' = '" + KAFKA.bootstrapServers() + "',"
                + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', 'format' = 'json',"
                + " 'scan.bad-record.policy' = '" + policy + "'"
                + (policy.equals("dead-letter") ? ", 'scan.bad-record.dead-letter-topic' = '" + deadLetters + "'" : "")
                + ")");
        if (policy.equals("fail")) {
            String messages = messages(assertThrows(Exception.class, () -> collect(tables)));
            assertTrue(messages.contains("topic '" + topic + "', partition 0, offset 5")
                    && messages.contains("not valid JSON") && messages.contains("'scan.bad-record.policy'"), messages);
            return;
        }
        assertEquals(goodIn(), collect(tables), "the good records out are the good records in");
        List<String> dead = KAFKA.readAll(deadLetters).stream().map(ConsumerRecord::value).toList();
        assertEquals(policy.equals("dead-letter") ? List.of(NOT_JSON, WRONG_TYPE) : List.of(), dead,
                "the bad records, unchanged, in the dead-letter topic (none when skipped)");
    }

    private void kafkaDataStream(String topic, String policy) throws Exception {
        KAFKA.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String line : input()) {
            records.add(new ProducerRecord<>(topic, 0, null, line));
        }
        KAFKA.produce(records);
        String deadLetters = topic + "-dead";
        KAFKA.createTopic(deadLetters, 1);
        KafkaSource<Numbered> source = KafkaSource.<Numbered>builder().setBootstrapServers(KAFKA.bootstrapServers())
                .setTopics(topic).setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Numbered.class))
                .setBadRecordPolicy(BadRecordPolicy.fromOptionValue(policy)).setDeadLetterTopic(deadLetters).build();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        if (policy.equals("fail")) {
            String messages = messages(assertThrows(Exception.class, () -> env.fromSource(source,
                    WatermarkStrategy.noWatermarks(), "kafka").map(Numbered::n).returns(Types.INT).executeAndCollect(100)));
            assertTrue(messages.contains("topic '" + topic + "', partition 0, offset 5")
                    && messages.contains("Unrecognized token 'oops'") && messages.contains("setBadRecordPolicy"), messages);
            return;
        }
        assertEquals(goodIn(), env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").map(Numbered::n)
                .returns(Types.INT).executeAndCollect(100), "the good records out are the good records in");
        List<String> dead = KAFKA.readAll(deadLetters).stream().map(ConsumerRecord::value).toList();
        assertEquals(policy.equals("dead-letter") ? List.of(NOT_JSON, WRONG_TYPE) : List.of(), dead,
                "the bad records, unchanged, in the dead-letter topic (none when skipped)");
    }

    private void file(String name, String policy) throws Exception {
        java.nio.file.Path dir = Files.createDirectories(files.resolve(name));
        java.nio.file.Path file = dir.resolve("numbers.jsonl");
        Files.write(file, input(), StandardCharsets.UTF_8);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        FileSource<Numbered> source = FileSource.forRecordStreamFormat(
                new DeserializingLineFormat<>(new JsonDeserializationSchema<>(Numbered.class)), new Path(dir.toUri()))
                .setBadRecordPolicy(BadRecordPolicy.fromOptionValue(policy)).build();
        if (policy.equals("skip")) {
            assertEquals(goodIn(), env.fromSource(source, WatermarkStrategy.noWatermarks(), "file").map(Numbered::n)
                    .returns(Types.INT).executeAndCollect(100), "the good records out are the good records in");
            return;
        }
        String messages = messages(assertThrows(Exception.class, () -> env.fromSource(source,
                        WatermarkStrategy.noWatermarks(), "file").map(Numbered::n).returns(Types.INT)
                .executeAndCollect(100)));
        assertTrue(messages.contains("cannot read " + file.toUri())
                && messages.contains("numbers.jsonl, line 6: ") && messages.contains("Unrecognized token 'oops'"),
                messages);
    }

    private static List<Integer> collect(StreamTableEnvironment tables) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        try (CloseableIterator<Row> rows = tables.executeSql("SELECT n FROM numbers").collect()) {
            rows.forEachRemaining(row -> numbers.add((Integer) row.getField(0)));
        }
        return numbers;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
