package io.weir.connector.mqtt.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.connector.mqtt.MqttConnectionOptions;
import io.weir.connector.mqtt.MqttTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds an {@link MqttSource}. Required: {@link #setServerUri}, at least one topic filter and a
 * deserializer. Everything is checked in {@link #build()}, which says what is missing or wrong.
 *
 * @param <T> the records produced
 */
public final class MqttSourceBuilder<T> {
    private static final int DEFAULT_HANDOVER_CAPACITY = 1_000;

    private String serverUri;
    private String username;
    private String password;
    private Duration connectionTimeout = MqttConnectionOptions.DEFAULT_CONNECTION_TIMEOUT;
    private Duration initialBackoff = MqttConnectionOptions.DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = MqttConnectionOptions.DEFAULT_MAX_BACKOFF;
    private final List<String> topicFilters = new ArrayList<>();
    private int qos = 1;
    private String clientIdPrefix;
    private boolean cleanSession;
    private DeserializationSchema<T> deserializer;
    private BadRecordPolicy badRecordPolicy = BadRecordPolicy.FAIL;
    private String deadLetterTopic;
    private boolean acknowledgeOnCheckpoint = true;
    private MqttConnectionOptions connection;

    MqttSourceBuilder() {
    }

    /** The broker, e.g. {@code tcp://localhost:1883} or {@code ssl://broker:8883}. */
    public MqttSourceBuilder<T> setServerUri(String serverUri) {
        this.serverUri = serverUri;
        return this;
    }

    public MqttSourceBuilder<T> setCredentials(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    /** The topic filters to subscribe to; each is one split with a session of its own. */
    public MqttSourceBuilder<T> setTopicFilters(String... filters) {
        topicFilters.clear();
        topicFilters.addAll(List.of(filters));
        return this;
    }

    /** 0 (at most once) or 1 (at least once, the default). */
    public MqttSourceBuilder<T> setQos(int qos) {
        this.qos = qos;
        return this;
    }

    /**
     * The clients' ids are {@code <prefix>-<filter index>}. Give a prefix unique to the job (and
     * stable across its restarts) to resume persistent sessions after a restart without a checkpoint;
     * the default is {@code weir-} and 8 random hex digits, kept in checkpoints.
     */
    public MqttSourceBuilder<T> setClientIdPrefix(String prefix) {
        this.clientIdPrefix = prefix;
        return this;
    }

    /**
     * Whether each connection starts a clean session (default false: a persistent session, in which
     * the broker keeps unacknowledged and queued QoS 1 messages while the job is away).
     */
    public MqttSourceBuilder<T> setCleanSession(boolean cleanSession) {
        this.cleanSession = cleanSession;
        return this;
    }

    public MqttSourceBuilder<T> setDeserializer(DeserializationSchema<T> deserializer) {
        this.deserializer = deserializer;
        return this;
    }

    /** What to do with a message the deserializer cannot read; {@code FAIL} by default. */
    public MqttSourceBuilder<T> setBadRecordPolicy(BadRecordPolicy policy) {
        this.badRecordPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Where {@link BadRecordPolicy#DEAD_LETTER} publishes unreadable messages (QoS 1, on the same broker). */
    public MqttSourceBuilder<T> setDeadLetterTopic(String topic) {
        this.deadLetterTopic = topic;
        return this;
    }

    /**
     * Whether QoS 1 messages are acknowledged only when the next checkpoint completes (true, the
     * default: at-least-once) or as soon as they are emitted (for jobs without checkpointing).
     */
    public MqttSourceBuilder<T> setAcknowledgeOnCheckpoint(boolean onCheckpoint) {
        this.acknowledgeOnCheckpoint = onCheckpoint;
        return this;
    }

    /** The wait between reconnection attempts: doubling from {@code initial} up to {@code max}. */
    public MqttSourceBuilder<T> setReconnectBackoff(Duration initial, Duration max) {
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    public MqttSourceBuilder<T> setConnectionTimeout(Duration timeout) {
        this.connectionTimeout = timeout;
        return this;
    }

    public MqttSource<T> build() {
        if (serverUri == null) {
            throw new IllegalStateException("The MQTT source needs a broker: call setServerUri(\"tcp://host:1883\")");
        }
        if (topicFilters.isEmpty()) {
            throw new IllegalStateException("The MQTT source needs at least one topic filter: call setTopicFilters");
        }
        topicFilters.forEach(MqttTopics::checkFilter);
        MqttTopics.checkQos(qos);
        if (deserializer == null) {
            throw new IllegalStateException("The MQTT source needs a deserializer: call setDeserializer, e.g. with"
                    + " new SimpleStringSchema()");
        }
        if (badRecordPolicy == BadRecordPolicy.DEAD_LETTER) {
            if (deadLetterTopic == null) {
                throw new IllegalStateException("The bad-record policy DEAD_LETTER needs a topic: call"
                        + " setDeadLetterTopic");
            }
            MqttTopics.checkTopicName(deadLetterTopic);
        }
        if (clientIdPrefix == null) {
            byte[] random = new byte[4];
            ThreadLocalRandom.current().nextBytes(random);
            clientIdPrefix = "weir-" + HexFormat.of().formatHex(random);
        }
        connection = MqttConnectionOptions.of(serverUri).withCredentials(username, password)
                .withConnectionTimeout(connectionTimeout).withReconnectBackoff(initialBackoff, maxBackoff);
        return new MqttSource<>(this);
    }

    MqttConnectionOptions connection() {
        return connection;
    }

    List<String> topicFilters() {
        return topicFilters;
    }

    int qos() {
        return qos;
    }

    String clientIdPrefix() {
        return clientIdPrefix;
    }

    boolean cleanSession() {
        return cleanSession;
    }

    DeserializationSchema<T> deserializer() {
        return deserializer;
    }

    BadRecordPolicy badRecordPolicy() {
        return badRecordPolicy;
    }

    String deadLetterTopic() {
        return deadLetterTopic;
    }

    boolean acknowledgeOnCheckpoint() {
        return acknowledgeOnCheckpoint;
    }

    int handoverCapacity() {
        return DEFAULT_HANDOVER_CAPACITY;
    }
}
