package io.weir.connector.kafka.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.connector.source.Boundedness;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Builds a {@link KafkaSource}. Required: bootstrap servers, one of topics / topic pattern /
 * partitions, and a deserializer. Defaults: start at the earliest offsets, unbounded, partition
 * discovery every 5 minutes.
 *
 * @param <OUT> the records the source produces
 */
public final class KafkaSourceBuilder<OUT> {
    private static final String DEFAULT_DISCOVERY_INTERVAL_MS = "300000";

    private KafkaSubscriber subscriber;
    private OffsetsInitializer startingOffsets = OffsetsInitializer.earliest();
    private OffsetsInitializer stoppingOffsets;
    private Boundedness boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
    private KafkaRecordDeserializationSchema<OUT> deserializer;
    private BadRecordPolicy badRecordPolicy = BadRecordPolicy.FAIL;
    private String deadLetterTopic;
    private final Properties properties = new Properties();

    KafkaSourceBuilder() {}

    public KafkaSourceBuilder<OUT> setBootstrapServers(String bootstrapServers) {
        return setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /** The consumer group: needed to start from committed offsets and to commit offsets on checkpoints. */
    public KafkaSourceBuilder<OUT> setGroupId(String groupId) {
        return setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }

    public KafkaSourceBuilder<OUT> setTopics(String... topics) {
        return setTopics(Arrays.asList(topics));
    }

    public KafkaSourceBuilder<OUT> setTopics(List<String> topics) {
        return subscribe(new KafkaSubscriber.Topics(topics));
    }

    /** Reads every topic whose whole name matches, including topics created later (found by discovery). */
    public KafkaSourceBuilder<OUT> setTopicPattern(Pattern topicPattern) {
        return subscribe(new KafkaSubscriber.TopicPattern(topicPattern));
    }

    public KafkaSourceBuilder<OUT> setPartitions(Set<TopicPartition> partitions) {
        return subscribe(new KafkaSubscriber.Partitions(partitions));
    }

    private KafkaSourceBuilder<OUT> subscribe(KafkaSubscriber next) {
        if (subscriber != null) {
            throw new IllegalStateException("The Kafka source already reads " + subscriber
                    + "; use only one of setTopics, setTopicPattern and setPartitions.");
        }
        subscriber = next;
        return this;
    }

    /** Where each partition starts; default {@link OffsetsInitializer#earliest()}. */
    public KafkaSourceBuilder<OUT> setStartingOffsets(OffsetsInitializer startingOffsetsInitializer) {
        this.startingOffsets = startingOffsetsInitializer;
        return this;
    }

    /**
     * Keeps the source unbounded in type but stops each partition at the given offsets; the job ends
     * when all partitions found at start have reached theirs (no partition discovery).
     */
    public KafkaSourceBuilder<OUT> setUnbounded(OffsetsInitializer stoppingOffsetsInitializer) {
        this.boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
        this.stoppingOffsets = stoppingOffsetsInitializer;
        return this;
    }

    /** A bounded source: each partition ends at the given offset (exclusive); no partition discovery. */
    public KafkaSourceBuilder<OUT> setBounded(OffsetsInitializer stoppingOffsetsInitializer) {
        this.boundedness = Boundedness.BOUNDED;
        this.stoppingOffsets = stoppingOffsetsInitializer;
        return this;
    }

    public KafkaSourceBuilder<OUT> setDeserializer(KafkaRecordDeserializationSchema<OUT> recordDeserializer) {
        this.deserializer = recordDeserializer;
        return this;
    }

    /** Reads only the record values, with {@code deserializationSchema}. */
    public KafkaSourceBuilder<OUT> setValueOnlyDeserializer(DeserializationSchema<OUT> deserializationSchema) {
        return setDeserializer(KafkaRecordDeserializationSchema.valueOnly(deserializationSchema));
    }

    /** Prefix of each reader's consumer {@code client.id}. */
    public KafkaSourceBuilder<OUT> setClientIdPrefix(String prefix) {
        return setProperty(KafkaSourceOptions.CLIENT_ID_PREFIX, prefix);
    }

    /** A Kafka consumer property, or one of the source's own ({@link KafkaSourceOptions}). */
    public KafkaSourceBuilder<OUT> setProperty(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    public KafkaSourceBuilder<OUT> setProperties(Properties props) {
        properties.putAll(props);
        return this;
    }

    /**
     * What to do with a record the deserializer cannot read (it throws): {@link BadRecordPolicy#FAIL}
     * (the default) fails the job naming topic, partition and offset; {@link BadRecordPolicy#SKIP} logs
     * that and the reason, counts it and reads on; {@link BadRecordPolicy#DEAD_LETTER} writes the
     * record unchanged to the {@link #setDeadLetterTopic dead-letter topic} (on the same cluster, with
     * headers {@code weir.source.topic/partition/offset} and {@code weir.error}) and reads on. As the
     * SQL option {@code scan.bad-record.policy}.
     */
    public KafkaSourceBuilder<OUT> setBadRecordPolicy(BadRecordPolicy policy) {
        this.badRecordPolicy = java.util.Objects.requireNonNull(policy, "bad-record policy");
        return this;
    }

    /** The topic bad records go to under {@link BadRecordPolicy#DEAD_LETTER}. */
    public KafkaSourceBuilder<OUT> setDeadLetterTopic(String topic) {
        this.deadLetterTopic = topic;
        return this;
    }

    public KafkaSource<OUT> build() {
        require(properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) != null,
                "no bootstrap servers: call setBootstrapServers(\"host:port,...\")");
        require(subscriber != null, "nothing to read: call setTopics, setTopicPattern or setPartitions");
        require(deserializer != null, "no deserializer: call setValueOnlyDeserializer(new SimpleStringSchema())"
                + " or setDeserializer(...)");
        require(startingOffsets != null, "the starting offsets initializer is null");
        require(badRecordPolicy != BadRecordPolicy.DEAD_LETTER || deadLetterTopic != null && !deadLetterTopic.isBlank(),
                "the bad-record policy DEAD_LETTER needs a topic: call setDeadLetterTopic(\"orders-dead-letters\")");
        if (startingOffsets instanceof PositionOffsetsInitializer p && p.position() == PositionOffsetsInitializer.Position.COMMITTED
                || stoppingOffsets instanceof PositionOffsetsInitializer s && s.position() == PositionOffsetsInitializer.Position.COMMITTED) {
            require(properties.getProperty(ConsumerConfig.GROUP_ID_CONFIG) != null,
                    "committed offsets need a consumer group: call setGroupId(...)");
        }
        Properties all = new Properties();
        all.putAll(properties);
        if (stoppingOffsets != null) {
            // every partition ends: nothing new to look for
            all.setProperty(KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS, "-1");
        } else {
            all.putIfAbsent(KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS, DEFAULT_DISCOVERY_INTERVAL_MS);
        }
        parseLong(all, KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS);
        parseLong(all, ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        all.putIfAbsent(KafkaSourceOptions.CLIENT_ID_PREFIX, "weir-kafka-source");
        all.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                startingOffsets.getAutoOffsetResetStrategy().toString().toLowerCase(java.util.Locale.ROOT));
        KafkaRecordDeserializationSchema<OUT> records = deserializer instanceof BadRecordHandlingDeserializer<OUT>
                ? deserializer
                : new BadRecordHandlingDeserializer<>(deserializer, badRecordPolicy, deadLetterTopic, producerProperties(),
                        "the source's bad-record policy (KafkaSourceBuilder.setBadRecordPolicy)");
        return new KafkaSource<>(subscriber, startingOffsets, stoppingOffsets, boundedness, records, all);
    }

    /** The user's connection properties without the consumer-only ones, for the dead-letter producer. */
    private Properties producerProperties() {
        Properties producer = new Properties();
        producer.putAll(properties);
        for (String consumerOnly : List.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS, KafkaSourceOptions.CLIENT_ID_PREFIX)) {
            producer.remove(consumerOnly);
        }
        return producer;
    }

    private static void parseLong(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value != null) {
            try {
                Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Kafka source property '" + key + "' must be a number of"
                        + " milliseconds, got '" + value + "'");
            }
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("Cannot build the KafkaSource: " + problem + ".");
        }
    }
}
