package io.weir.connector.mqtt.sink;

import io.weir.api.common.serialization.SerializationSchema;
import io.weir.connector.mqtt.MqttConnectionOptions;
import io.weir.connector.mqtt.MqttTopics;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds an {@link MqttSink}. Required: {@link #setServerUri}, a topic ({@link #setTopic} or
 * {@link #setTopicSelector}) and a serialization schema; checked in {@link #build()}.
 *
 * @param <T> the records written
 */
public final class MqttSinkBuilder<T> {
    private String serverUri;
    private String username;
    private String password;
    private Duration connectionTimeout = MqttConnectionOptions.DEFAULT_CONNECTION_TIMEOUT;
    private MqttTopicSelector<T> topics;
    private SerializationSchema<T> serializer;
    private int qos = 1;
    private boolean retained;
    private String clientIdPrefix;
    private int maxInFlight = 100;
    private MqttConnectionOptions connection;

    MqttSinkBuilder() {
    }

    public MqttSinkBuilder<T> setServerUri(String serverUri) {
        this.serverUri = serverUri;
        return this;
    }

    public MqttSinkBuilder<T> setCredentials(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    /** Publishes every record to this topic. */
    public MqttSinkBuilder<T> setTopic(String topic) {
        MqttTopics.checkTopicName(topic);
        this.topics = record -> topic;
        return this;
    }

    /** Publishes each record to the topic the selector gives (checked per record: no wildcards). */
    public MqttSinkBuilder<T> setTopicSelector(MqttTopicSelector<T> selector) {
        this.topics = selector;
        return this;
    }

    public MqttSinkBuilder<T> setSerializationSchema(SerializationSchema<T> serializer) {
        this.serializer = serializer;
        return this;
    }

    /** 0 (fire and forget) or 1 (acknowledged by the broker; the default). */
    public MqttSinkBuilder<T> setQos(int qos) {
        this.qos = qos;
        return this;
    }

    /** Whether the broker keeps the last message of each topic for new subscribers (default false). */
    public MqttSinkBuilder<T> setRetained(boolean retained) {
        this.retained = retained;
        return this;
    }

    /** Writer {@code i}'s client id is {@code <prefix>-<i>}; by default {@code weir-sink-} and random hex digits. */
    public MqttSinkBuilder<T> setClientIdPrefix(String prefix) {
        this.clientIdPrefix = prefix;
        return this;
    }

    /** How many QoS 1 messages a writer may have unacknowledged before it waits for the oldest (default 100). */
    public MqttSinkBuilder<T> setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        return this;
    }

    public MqttSinkBuilder<T> setConnectionTimeout(Duration timeout) {
        this.connectionTimeout = timeout;
        return this;
    }

    public MqttSink<T> build() {
        if (serverUri == null) {
            throw new IllegalStateException("The MQTT sink needs a broker: call setServerUri(\"tcp://host:1883\")");
        }
        if (topics == null) {
            throw new IllegalStateException("The MQTT sink needs a topic: call setTopic or setTopicSelector");
        }
        if (serializer == null) {
            throw new IllegalStateException("The MQTT sink needs a serialization schema: call"
                    + " setSerializationSchema, e.g. with new SimpleStringSchema()");
        }
        MqttTopics.checkQos(qos);
        if (clientIdPrefix == null) {
            byte[] random = new byte[4];
            ThreadLocalRandom.current().nextBytes(random);
            clientIdPrefix = "weir-sink-" + HexFormat.of().formatHex(random);
        }
        connection = MqttConnectionOptions.of(serverUri).withCredentials(username, password)
                .withConnectionTimeout(connectionTimeout);
        return new MqttSink<>(this);
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
