package io.weir.examples.sensorenrichment;

import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.types.Types;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.connector.kafka.sink.KafkaSinkBuilder;
import io.weir.connector.mqtt.source.MqttSource;
import io.weir.connector.mqtt.source.MqttSourceBuilder;
import io.weir.examples.pipelines.Arguments;
import io.weir.formats.json.JsonDeserializationSchema;
import io.weir.formats.json.JsonSerializationSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/**
 * MQTT → enrichment → Kafka, exactly once. Sensors publish readings as JSON on MQTT topics
 * ({@code sensors/<id>/readings}: {@code {"sensor": "t-101", "seq": 42, "time": 1733300000000,
 * "value": 21.5}}, {@code seq} counting up per sensor). Each reading gets its sensor's site and unit
 * from a catalog of sensors (a CSV file {@code id,site,unit}, or a small built-in one) and is written
 * as JSON to a Kafka topic, keyed by sensor, by a transactional {@code KafkaSink}.
 *
 * <p><b>Once, end to end.</b> The MQTT source is at-least-once: it acknowledges a message (QoS 1,
 * persistent session) when the checkpoint after it completes, so after a failure the broker delivers
 * again what was not acknowledged. The Kafka sink commits its transaction when that checkpoint
 * completes. A message emitted after the last checkpoint is in no committed transaction, so its
 * redelivery is not a duplicate; but a failure between a checkpoint's completion and the source's
 * acknowledgement makes the broker deliver messages the committed output already holds. The
 * enrichment therefore remembers, per sensor, the sequence numbers of the past hour (keyed map state,
 * in checkpoints, expiring after an hour) and drops a reading it has seen: a {@code read_committed}
 * consumer sees each reading once.
 *
 * <pre>bin/weir example sensor-enrichment --mqtt-uri tcp://HOST:1883 --bootstrap-servers HOST:PORT ...</pre>
 */
public final class SensorEnrichment {
    /** How long a reading's (sensor, seq) is remembered to drop a redelivered copy. */
    public static final Duration DEDUPLICATION_WINDOW = Duration.ofHours(1);

    private static final String USAGE = "sensor-enrichment --mqtt-uri tcp://HOST:1883 --bootstrap-servers HOST:PORT"
            + " [--topic-filter sensors/+/readings] [--output-topic enriched-readings] [--sensors FILE.csv]"
            + " [--client-id-prefix sensor-enrichment] [--transactional-id-prefix sensor-enrichment] [--parallelism P]";

    private SensorEnrichment() {}

    /** A measurement as the sensor sends it. */
    public record Reading(String sensor, long seq, long time, double value) {}

    /** What the catalog knows about a sensor. */
    public record Sensor(String id, String site, String unit) implements java.io.Serializable {}

    /** A reading with its sensor's site and unit ("unknown" for a sensor not in the catalog). */
    public record EnrichedReading(String sensor, long seq, long time, double value, String site, String unit) {}

    /** The catalog used without {@code --sensors}. */
    public static final List<Sensor> BUILT_IN_SENSORS = List.of(
            new Sensor("t-101", "hall-a", "celsius"),
            new Sensor("t-102", "hall-a", "celsius"),
            new Sensor("h-201", "hall-b", "percent"),
            new Sensor("p-301", "roof", "hectopascal"));

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, USAGE, Set.of("--mqtt-uri", "--bootstrap-servers", "--topic-filter",
                "--output-topic", "--sensors", "--client-id-prefix", "--transactional-id-prefix", "--parallelism"));
        String mqttUri = arguments.required("--mqtt-uri");
        if (!mqttUri.startsWith("tcp://") && !mqttUri.startsWith("ssl://")) {
            throw new IllegalArgumentException("--mqtt-uri must be tcp://host:port or ssl://host:port, not '" + mqttUri
                    + "'. Usage: " + USAGE);
        }
        String bootstrapServers = arguments.required("--bootstrap-servers");
        String sensorsFile = arguments.get("--sensors", null);
        List<Sensor> sensors = sensorsFile == null ? BUILT_IN_SENSORS : readCatalog(Path.of(sensorsFile));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(arguments.getInt("--parallelism", 1));
        env.enableCheckpointing(1_000);
        DataStream<Reading> readings = readReadings(env, source(mqttUri, arguments.get("--topic-filter", "sensors/+/readings"),
                arguments.get("--client-id-prefix", "sensor-enrichment")).build());
        enrich(readings, sensors).sinkTo(sink(bootstrapServers, arguments.get("--output-topic", "enriched-readings"),
                arguments.get("--transactional-id-prefix", "sensor-enrichment")).build()).name("Enriched readings to Kafka");
        env.execute("Sensor enrichment");
    }

    /** Reads {@code id,site,unit} lines; a line that is not three fields is an error naming the file and line. */
    public static List<Sensor> readCatalog(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sensor catalog " + file + " (--sensors): " + e.getMessage(), e);
        }
        List<Sensor> sensors = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": expected 'id,site,unit', found '"
                        + line + "'");
            }
            sensors.add(new Sensor(fields[0].strip(), fields[1].strip(), fields[2].strip()));
        }
        return sensors;
    }

    /** QoS 1 readings on a persistent session, acknowledged when the checkpoint after them completes. */
    public static MqttSourceBuilder<Reading> source(String mqttUri, String topicFilter, String clientIdPrefix) {
        return MqttSource.<Reading>builder()
                .setServerUri(mqttUri)
                .setTopicFilters(topicFilter)
                .setClientIdPrefix(clientIdPrefix)
                .setQos(1)
                .setCleanSession(false)
                .setDeserializer(new JsonDeserializationSchema<>(Reading.class));
    }

    public static DataStream<Reading> readReadings(StreamExecutionEnvironment env, MqttSource<Reading> source) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Sensor readings").uid("sensor-readings");
    }

    /** Each reading once, with its sensor's site and unit. */
    public static DataStream<EnrichedReading> enrich(DataStream<Reading> readings, List<Sensor> sensors) {
        return readings
                .keyBy(Reading::sensor)
                .process(new EnrichOnce(sensors))
                .returns(Types.RECORD(EnrichedReading.class))
                .uid("enrich-once")
                .name("Enrich, drop redelivered readings");
    }

    /** Exactly-once: one transaction per checkpoint, committed when it completes. */
    public static KafkaSinkBuilder<EnrichedReading> sink(String bootstrapServers, String topic, String transactionalIdPrefix) {
        return KafkaSink.<EnrichedReading>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(KafkaRecordSerializationSchema.<EnrichedReading>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(reading -> reading.sensor().getBytes(StandardCharsets.UTF_8))
                        .setValueSerializationSchema(new JsonSerializationSchema<EnrichedReading>())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix);
    }

    /** Adds the catalog's data; remembers each sensor's sequence numbers for an hour and drops repeats. */
    static final class EnrichOnce extends KeyedProcessFunction<String, Reading, EnrichedReading> {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, Sensor> catalog = new HashMap<>();
        private transient MapState<Long, Boolean> seen;

        EnrichOnce(List<Sensor> sensors) {
            for (Sensor sensor : sensors) {
                catalog.put(sensor.id(), sensor);
            }
        }

        @Override
        public void open(OpenContext context) {
            MapStateDescriptor<Long, Boolean> descriptor = new MapStateDescriptor<>("seen-seq", Types.LONG, Types.BOOLEAN);
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(DEDUPLICATION_WINDOW).build());
            seen = getRuntimeContext().getMapState(descriptor);
        }

        @Override
        public void processElement(Reading reading, Context context, Collector<EnrichedReading> out) throws Exception {
            if (seen.contains(reading.seq())) {
                return;
            }
            seen.put(reading.seq(), true);
            Sensor sensor = catalog.getOrDefault(reading.sensor(), new Sensor(reading.sensor(), "unknown", "unknown"));
            out.collect(new EnrichedReading(reading.sensor(), reading.seq(), reading.time(), reading.value(),
                    sensor.site(), sensor.unit()));
        }
    }
}
