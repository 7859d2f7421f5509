package io.weir.connector.mqtt.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.connector.mqtt.sink.MqttSink;
import io.weir.connector.mqtt.sink.MqttSinkBuilder;
import io.weir.connector.mqtt.source.MqttSource;
import io.weir.connector.mqtt.source.MqttSourceBuilder;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.connectors.formats.FormatFactory;
import io.weir.sql.connectors.formats.Formats;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code 'connector' = 'mqtt'}: an MQTT topic (or, to read, topic filters separated by {@code ;}),
 * each message one row in the table's {@code format}. Reading is at-least-once with QoS 1 and
 * checkpoints (see {@link MqttSource}); writing publishes each row with the table's QoS.
 */
public final class MqttTableFactory implements TableFactory {

    @Override
    public String factoryIdentifier() {
        return "mqtt";
    }

    @Override
    public Set<String> supportedOptions() {
        Set<String> options = new HashSet<>(Set.of("server-uri", "topic", "format", "qos", "client-id-prefix",
                "clean-session", "username", "password", "connection-timeout", "reconnect.initial-backoff",
                "reconnect.max-backoff", "scan.bad-record.policy", "scan.bad-record.dead-letter-topic",
                "scan.acknowledge-on-checkpoint", "sink.retained", "sink.parallelism"));
        options.addAll(Formats.optionKeys(""));
        return options;
    }

    @Override
    public ChangelogMode sourceChangelogMode(Context context) {
        return format(context).changelogMode();
    }

    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return format(context).changelogMode();
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        Options table = new Options(context);
        DeserializationSchema<Row> rows = format(context).createDeserializer(formatContext(context));
        MqttSourceBuilder<Row> builder = MqttSource.<Row>builder()
                .setServerUri(table.required("server-uri"))
                .setTopicFilters(table.required("topic").split(";"))
                .setQos(table.integer("qos", 1))
                .setCleanSession(table.flag("clean-session", false))
                .setAcknowledgeOnCheckpoint(table.flag("scan.acknowledge-on-checkpoint", true))
                .setDeserializer(rows)
                .setConnectionTimeout(table.duration("connection-timeout", Duration.ofSeconds(30)))
                .setReconnectBackoff(table.duration("reconnect.initial-backoff", Duration.ofMillis(100)),
                        table.duration("reconnect.max-backoff", Duration.ofSeconds(30)));
        builder.setCredentials(table.options.get("username"), table.options.get("password"));
        if (table.options.containsKey("client-id-prefix")) {
            builder.setClientIdPrefix(table.options.get("client-id-prefix"));
        }
        String policy = table.options.getOrDefault("scan.bad-record.policy", "fail");
        try {
            builder.setBadRecordPolicy(BadRecordPolicy.fromOptionValue(policy));
        } catch (IllegalArgumentException e) {
            throw table.invalid("'scan.bad-record.policy': " + e.getMessage());
        }
        builder.setDeadLetterTopic(table.options.get("scan.bad-record.dead-letter-topic"));
        try {
            return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "mqtt " + table.name());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw table.invalid(e.getMessage());
        }
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        Options table = new Options(context);
        SerializationSchema<Row> serializer = format(context).createSerializer(formatContext(context));
        String topic = table.required("topic");
        MqttSinkBuilder<Row> builder = MqttSink.<Row>builder()
                .setServerUri(table.required("server-uri"))
                .setSerializationSchema(serializer)
                .setQos(table.integer("qos", 1))
                .setRetained(table.flag("sink.retained", false))
                .setConnectionTimeout(table.duration("connection-timeout", Duration.ofSeconds(30)));
        builder.setCredentials(table.options.get("username"), table.options.get("password"));
        if (table.options.containsKey("client-id-prefix")) {
            builder.setClientIdPrefix(table.options.get("client-id-prefix"));
        }
        DataStreamSink<Row> sink;
        try {
            sink = rows.sinkTo(builder.setTopic(topic).build()).name("mqtt " + table.name());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw table.invalid(e.getMessage());
        }
        if (table.options.containsKey("sink.parallelism")) {
            sink.setParallelism(table.integer("sink.parallelism", 1));
        }
    }

    private static FormatFactory format(Context context) {
        String name = context.table().options().get("format");
        if (name == null) {
            throw new Options(context).invalid("the 'format' option is missing, e.g. 'format' = 'json'");
        }
        return Formats.find(context.identifier().asSummaryString(), "format", name);
    }

    private static FormatFactory.Context formatContext(Context context) {
        return Formats.context(context.identifier().asSummaryString(), context.table().options().get("format"), "",
                context.rowType(), context.table().options(), context.table().schema());
    }

    /** The table's options; a missing or bad one fails naming the table and the key. */
    private record Options(Context context, Map<String, String> options) {
        Options(Context context) {
            this(context, context.table().options());
        }

        String name() {
            return context.identifier().asSummaryString();
        }

        String required(String key) {
            String value = options.get(key);
            if (value == null || value.isBlank()) {
                throw invalid("the '" + key + "' option is missing");
            }
            return value;
        }

        int integer(String key, int defaultValue) {
            String value = options.get(key);
            try {
                return value == null ? defaultValue : Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw invalid("option '" + key + "' = '" + value + "' is not a whole number");
            }
        }

        boolean flag(String key, boolean defaultValue) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            if (!List.of("true", "false").contains(value.toLowerCase())) {
                throw invalid("option '" + key + "' = '" + value + "' must be 'true' or 'false'");
            }
            return Boolean.parseBoolean(value);
        }

        Duration duration(String key, Duration defaultValue) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Configuration.fromMap(options)
                        .get(ConfigOptions.key(key).durationType().defaultValue(defaultValue));
            } catch (RuntimeException e) {
                throw invalid("option '" + key + "' = '" + value + "' is not a duration, e.g. '500 ms' or '30 s'");
            }
        }

        ValidationException invalid(String problem) {
            return new ValidationException("Table " + name() + " (connector 'mqtt'): " + problem);
        }
    }
}
