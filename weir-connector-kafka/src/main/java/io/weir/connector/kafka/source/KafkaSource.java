package io.weir.connector.kafka.source;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import java.util.Properties;

/**
 * Reads Kafka topics as a split-model source: one split per partition, assigned by the enumerator
 * (partitions found at start and, when unbounded, by periodic discovery), read by readers that poll
 * a {@code KafkaConsumer} on a fetcher thread. Records carry their Kafka timestamp, and each
 * partition has its own watermark generator. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * KafkaSource<String> source = KafkaSource.<String>builder()
 *         .setBootstrapServers("localhost:9092")
 *         .setTopics("input")
 *         .setGroupId("my-group")
 *         .setStartingOffsets(OffsetsInitializer.earliest())
 *         .setValueOnlyDeserializer(new SimpleStringSchema())
 *         .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka Source");
 * }</pre>
 *
 * @param <OUT> the records produced
 */
public final class KafkaSource<OUT>
        implements Source<OUT, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<OUT> {
    private static final long serialVersionUID = 1L;

    private final KafkaSubscriber subscriber;
    private final OffsetsInitializer startingOffsets;
    private final OffsetsInitializer stoppingOffsets;
    private final Boundedness boundedness;
    private final KafkaRecordDeserializationSchema<OUT> deserializer;
    private final Properties properties;

    KafkaSource(KafkaSubscriber subscriber, OffsetsInitializer startingOffsets, OffsetsInitializer stoppingOffsets,
            Boundedness boundedness, KafkaRecordDeserializationSchema<OUT> deserializer, Properties properties) {
        this.subscriber = subscriber;
        this.startingOffsets = startingOffsets;
        this.stoppingOffsets = stoppingOffsets;
        this.boundedness = boundedness;
        this.deserializer = deserializer;
        this.properties = properties;
    }

    public static <OUT> KafkaSourceBuilder<OUT> builder() {
        return new KafkaSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) {
        return new KafkaSourceEnumerator(context, this, new KafkaSourceEnumState(java.util.Set.of()));
    }

    /** An enumerator that continues from a checkpoint: the partitions it holds are not assigned again. */
    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState checkpoint) {
        return new KafkaSourceEnumerator(context, this, checkpoint);
    }

    /** Serializes the enumerator's checkpoints. */
    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return new KafkaSourceEnumStateSerializer();
    }

    @Override
    public SourceReader<OUT, KafkaPartitionSplit> createReader(SourceReaderContext readerContext) {
        return new KafkaSourceReader<>(readerContext, this);
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return new KafkaPartitionSplitSerializer();
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return deserializer.getProducedType();
    }

    /** A copy of the Kafka client properties (including the source's own keys). */
    public Properties getConfiguration() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    OffsetsInitializer getStartingOffsets() {
        return startingOffsets;
    }

    /** Where splits stop, or {@code null} if they never do. */
    OffsetsInitializer getStoppingOffsets() {
        return stoppingOffsets;
    }

    KafkaSubscriber subscriber() {
        return subscriber;
    }

    KafkaRecordDeserializationSchema<OUT> deserializer() {
        return deserializer;
    }

    long partitionDiscoveryIntervalMs() {
        return Long.parseLong(properties.getProperty(KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS));
    }

    long apiTimeoutMs() {
        return Long.parseLong(properties.getProperty("default.api.timeout.ms", "60000"));
    }

    String describeSubscription() {
        return subscriber + " at " + properties.getProperty("bootstrap.servers");
    }
}
