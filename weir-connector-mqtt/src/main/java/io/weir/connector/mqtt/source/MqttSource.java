package io.weir.connector.mqtt.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import io.weir.connector.mqtt.MqttConnectionOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MQTT messages from one or more topic filters (with {@code +} and {@code #} wildcards), each
 * through a session of its own, at QoS 0 or 1. Unbounded. Built with {@link #builder()}:
 *
 * <pre>{@code
 * MqttSource<String> source = MqttSource.<String>builder()
 *         .setServerUri("tcp://localhost:1883")
 *         .setTopicFilters("sensors/+/temperature")
 *         .setClientIdPrefix("sensor-job")
 *         .setDeserializer(new SimpleStringSchema())
 *         .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "sensors");
 * }</pre>
 *
 * <p>With QoS 1, a persistent session (the default) and checkpointing, no message the broker
 * accepted is lost: messages are acknowledged only when the checkpoint after them completes, and a
 * failure replays, as duplicates, the messages emitted since the last completed checkpoint.
 *
 * @param <T> the records produced
 */
public final class MqttSource<T> implements Source<T, MqttTopicSplit, List<MqttTopicSplit>>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final MqttConnectionOptions connection;
    private final List<String> topicFilters;
    private final int qos;
    private final String clientIdPrefix;
    private final boolean cleanSession;
    private final DeserializationSchema<T> deserializer;
    private final BadRecordPolicy badRecordPolicy;
    private final String deadLetterTopic;
    private final boolean acknowledgeOnCheckpoint;
    private final int handoverCapacity;

    MqttSource(MqttSourceBuilder<T> builder) {
        this.connection = builder.connection();
        this.topicFilters = List.copyOf(builder.topicFilters());
        this.qos = builder.qos();
        this.clientIdPrefix = builder.clientIdPrefix();
        this.cleanSession = builder.cleanSession();
        this.deserializer = builder.deserializer();
        this.badRecordPolicy = builder.badRecordPolicy();
        this.deadLetterTopic = builder.deadLetterTopic();
        this.acknowledgeOnCheckpoint = builder.acknowledgeOnCheckpoint();
        this.handoverCapacity = builder.handoverCapacity();
    }

    public static <T> MqttSourceBuilder<T> builder() {
        return new MqttSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    /** Split {@code i} reads filter {@code i} through the client {@code <prefix>-<i>}. */
    @Override
    public SplitEnumerator<MqttTopicSplit, List<MqttTopicSplit>> createEnumerator(
            SplitEnumeratorContext<MqttTopicSplit> context) {
        List<MqttTopicSplit> splits = new ArrayList<>();
        for (int i = 0; i < topicFilters.size(); i++) {
            splits.add(new MqttTopicSplit(i, topicFilters.get(i), qos, clientIdPrefix + "-" + i));
        }
        return new MqttSplitEnumerator(context, splits);
    }

    @Override
    public SplitEnumerator<MqttTopicSplit, List<MqttTopicSplit>> restoreEnumerator(
            SplitEnumeratorContext<MqttTopicSplit> context, List<MqttTopicSplit> checkpoint) {
        return new MqttSplitEnumerator(context, checkpoint);
    }

    @Override
    public SourceReader<T, MqttTopicSplit> createReader(SourceReaderContext readerContext) {
        return new MqttSourceReader<>(readerContext, this);
    }

    @Override
    public SimpleVersionedSerializer<MqttTopicSplit> getSplitSerializer() {
        return MqttTopicSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<MqttTopicSplit>> getEnumeratorCheckpointSerializer() {
        return new MqttTopicSplitSerializer.SplitList();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return deserializer.getProducedType();
    }

    MqttConnectionOptions connection() {
        return connection;
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
        return handoverCapacity;
    }
}
