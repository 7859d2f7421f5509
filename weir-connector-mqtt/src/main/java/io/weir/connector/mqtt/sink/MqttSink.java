package io.weir.connector.mqtt.sink;

import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.connector.mqtt.MqttConnectionOptions;
import java.io.IOException;

/**
 * Publishes each record as one MQTT message, at QoS 0 or 1. With QoS 1, every checkpoint (and the
 * end of the input) waits until the broker has acknowledged every message published before it, so
 * a completed checkpoint never covers a message the broker does not have: at-least-once (a failure
 * publishes again, as duplicates, what was published since the last completed checkpoint).
 *
 * <pre>{@code
 * MqttSink<String> sink = MqttSink.<String>builder()
 *         .setServerUri("tcp://localhost:1883")
 *         .setTopic("alerts")
 *         .setSerializationSchema(new SimpleStringSchema())
 *         .build();
 * alerts.sinkTo(sink);
 * }</pre>
 *
 * @param <T> the records written
 */
public final class MqttSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final MqttConnectionOptions connection;
    private final MqttTopicSelector<T> topics;
    private final SerializationSchema<T> serializer;
    private final int qos;
    private final boolean retained;
    private final String clientIdPrefix;
    private final int maxInFlight;

    MqttSink(MqttSinkBuilder<T> builder) {
        this.connection = builder.connection();
        this.topics = builder.topics();
        this.serializer = builder.serializer();
        this.qos = builder.qos();
        this.retained = builder.retained();
        this.clientIdPrefix = builder.clientIdPrefix();
        this.maxInFlight = builder.maxInFlight();
    }

    public static <T> MqttSinkBuilder<T> builder() {
        return new MqttSinkBuilder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new MqttWriter<>(this, context);
    }

    MqttConnectionOptions connection() {
        return connection;
    }

    MqttTopicSelector<T> topics() {
        return topics;
    }

    SerializationSchema<T> serializer() {
        return serializer;
    }

    int qos() {
        return qos;
    }

    boolean retained() {
        return retained;
    }

    String clientIdPrefix() {
        return clientIdPrefix;
    }

    int maxInFlight() {
        return maxInFlight;
    }
}
