package io.weir.connector.kafka.table;

import io.weir.connector.kafka.source.KafkaSourceBuilder;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.api.types.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a Kafka table's source starts and stops, from Flink's {@code scan.startup.*} and
 * {@code scan.bounded.*} options. upsert-kafka always reads from the earliest offset, unbounded
 * unless bounded by these options, since it must see every key's last write.
 */
final class KafkaStartupOptions {
    private final KafkaTableOptions options;
    private final boolean upsert;

    KafkaStartupOptions(KafkaTableOptions options, boolean upsert) {
        this.options = options;
        this.upsert = upsert;
    }

    @SuppressWarnings("deprecation") // OffsetResetStrategy, as the source's API takes it
    void apply(KafkaSourceBuilder<Row> builder) {
        if (options.get("properties.group.id") != null) {
            builder.setGroupId(options.get("properties.group.id"));
        }
        String startup = upsert ? "earliest-offset" : options.getOrDefault("scan.startup.mode", "group-offsets");
        builder.setStartingOffsets(switch (startup.toLowerCase(Locale.ROOT)) {
            case "earliest-offset" -> OffsetsInitializer.earliest();
            case "latest-offset" -> OffsetsInitializer.latest();
            case "group-offsets" -> OffsetsInitializer.committedOffsets(resetStrategy());
            case "timestamp" -> OffsetsInitializer.timestamp(options.number("scan.startup.timestamp-millis"));
            case "specific-offsets" -> OffsetsInitializer.offsets(specificOffsets("scan.startup.specific-offsets"),
                    OffsetResetStrategy.EARLIEST);
            default -> throw options.invalid("'scan.startup.mode' = '" + startup + "': use 'earliest-offset',"
                    + " 'latest-offset', 'group-offsets', 'timestamp' or 'specific-offsets'");
        });
        String bounded = options.getOrDefault("scan.bounded.mode", "unbounded");
        switch (bounded.toLowerCase(Locale.ROOT)) {
            case "unbounded" -> { }
            case "latest-offset" -> builder.setBounded(OffsetsInitializer.latest());
            case "group-offsets" -> builder.setBounded(OffsetsInitializer.committedOffsets());
            case "timestamp" -> builder.setBounded(OffsetsInitializer.timestamp(
                    options.number("scan.bounded.timestamp-millis")));
            case "specific-offsets" -> builder.setBounded(OffsetsInitializer.offsets(
                    specificOffsets("scan.bounded.specific-offsets")));
            default -> throw options.invalid("'scan.bounded.mode' = '" + bounded + "': use 'unbounded',"
                    + " 'latest-offset', 'group-offsets', 'timestamp' or 'specific-offsets'");
        }
    }

    /** Kafka's {@code auto.offset.reset} decides where a partition without a committed offset starts (Flink's rule). */
    @SuppressWarnings("deprecation")
    private OffsetResetStrategy resetStrategy() {
        String reset = options.getOrDefault("properties.auto.offset.reset", "none");
        try {
            return OffsetResetStrategy.valueOf(reset.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw options.invalid("'properties.auto.offset.reset' = '" + reset + "': use 'earliest', 'latest' or 'none'");
        }
    }

    /** {@code partition:0,offset:42;partition:1,offset:300}, for the table's one topic. */
    private Map<TopicPartition, Long> specificOffsets(String key) {
        List<String> topics = options.list("topic");
        if (topics.size() != 1) {
            throw options.invalid("'" + key + "' needs exactly one 'topic'");
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String entry : options.list(key)) {
            String[] parts = entry.split(",");
            try {
                if (parts.length != 2 || !parts[0].trim().startsWith("partition:")
                        || !parts[1].trim().startsWith("offset:")) {
                    throw new NumberFormatException();
                }
                int partition = Integer.parseInt(parts[0].trim().substring("partition:".length()));
                long offset = Long.parseLong(parts[1].trim().substring("offset:".length()));
                offsets.put(new TopicPartition(topics.get(0), partition), offset);
            } catch (NumberFormatException e) {
                throw options.invalid("'" + key + "' has '" + entry + "'; write 'partition:0,offset:42;partition:1,offset:300'");
            }
        }
        return offsets;
    }
}
