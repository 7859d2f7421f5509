package io.weir.connector.kafka.source;

import java.util.Properties;
import java.util.Set;

/**
 * The keys a {@link KafkaSource} reads from its properties beside the Kafka client's own. They are
 * removed before the properties reach the consumer, which would warn about unknown keys.
 */
public final class KafkaSourceOptions {
    /**
     * How often (ms) an unbounded source looks for new partitions; 0 or less turns discovery off.
     * Default 300000 (5 minutes) for unbounded sources; bounded sources never discover.
     */
    public static final String PARTITION_DISCOVERY_INTERVAL_MS = "partition.discovery.interval.ms";

    /** Prefix of each reader's consumer {@code client.id} (followed by "-" and the subtask index). */
    public static final String CLIENT_ID_PREFIX = "client.id.prefix";

    /** Whether readers commit their offsets to the consumer group when a checkpoint completes (default true). */
    public static final String COMMIT_OFFSETS_ON_CHECKPOINT = "commit.offsets.on.checkpoint";

    private static final Set<String> SOURCE_KEYS =
            Set.of(PARTITION_DISCOVERY_INTERVAL_MS, CLIENT_ID_PREFIX, COMMIT_OFFSETS_ON_CHECKPOINT);

    private KafkaSourceOptions() {}

    /** The properties without the source's own keys. */
    static Properties clientProperties(Properties all) {
        Properties client = new Properties();
        all.forEach((key, value) -> {
            if (!SOURCE_KEYS.contains(key)) {
                client.put(key, value);
            }
        });
        return client;
    }
}
