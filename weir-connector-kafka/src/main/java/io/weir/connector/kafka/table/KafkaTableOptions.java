package io.weir.connector.kafka.table;

import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.connectors.formats.Formats;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The options of a {@code kafka} or {@code upsert-kafka} table, with Flink's keys, read and checked:
 * a missing or bad one fails naming the table, the key and what to write instead.
 */
final class KafkaTableOptions {
    static final Set<String> COMMON = Set.of("topic", "properties.*", "format", "key.format", "value.format",
            "key.fields", "key.fields-prefix", "value.fields-include", "sink.delivery-guarantee",
            "sink.transactional-id-prefix", "sink.parallelism", "scan.bad-record.policy",
            "scan.bad-record.dead-letter-topic", "scan.topic-partition-discovery.interval", "scan.bounded.mode",
            "scan.bounded.timestamp-millis", "scan.bounded.specific-offsets");
    /** Where to start and what to read: upsert-kafka reads its one topic from the beginning. */
    static final Set<String> SCAN = Set.of("topic-pattern", "scan.startup.mode", "scan.startup.timestamp-millis",
            "scan.startup.specific-offsets");

    private final TableFactory.Context context;
    private final Map<String, String> options;
    private final String connector;

    KafkaTableOptions(TableFactory.Context context, String connector) {
        this.context = context;
        this.options = context.table().options();
        this.connector = connector;
    }

    /** Every option key the connector accepts, the formats' included. */
    static Set<String> supported(boolean upsert) {
        Set<String> keys = new HashSet<>(COMMON);
        if (!upsert) {
            keys.addAll(SCAN);
        }
        keys.addAll(Formats.optionKeys("", "key.", "value."));
        return keys;
    }

    String tableName() {
        return context.identifier().asSummaryString();
    }

    String get(String key) {
        return options.get(key);
    }

    String getOrDefault(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    String required(String key, String example) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw invalid("the '" + key + "' option is missing, e.g. '" + key + "' = '" + example + "'");
        }
        return value;
    }

    long number(String key) {
        String value = required(key, "1700000000000");
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid("option '" + key + "' = '" + value + "' is not a whole number");
        }
    }

    List<String> list(String key) {
        String value = options.get(key);
        return value == null ? List.of() : Arrays.stream(value.split(";")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** The {@code properties.*} options as Kafka client properties, with the bootstrap servers required. */
    Properties clientProperties() {
        required("properties.bootstrap.servers", "localhost:9092");
        Properties properties = new Properties();
        options.forEach((key, value) -> {
            if (key.startsWith("properties.")) {
                properties.setProperty(key.substring("properties.".length()), value);
            }
        });
        return properties;
    }

    Map<String, String> formatOptions() {
        return new HashMap<>(options);
    }

    DeliveryGuarantee deliveryGuarantee() {
        String value = options.getOrDefault("sink.delivery-guarantee", "at-least-once");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> DeliveryGuarantee.NONE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            default -> throw invalid("'sink.delivery-guarantee' = '" + value
                    + "': use 'none', 'at-least-once' or 'exactly-once'");
        };
    }

    BadRecordPolicy badRecordPolicy() {
        BadRecordPolicy policy;
        try {
            policy = BadRecordPolicy.fromOptionValue(options.getOrDefault("scan.bad-record.policy", "fail"));
        } catch (IllegalArgumentException e) {
            throw invalid("'scan.bad-record.policy': " + e.getMessage());
        }
        if (policy == BadRecordPolicy.DEAD_LETTER && get("scan.bad-record.dead-letter-topic") == null) {
            throw invalid("'scan.bad-record.policy' = 'dead-letter' needs 'scan.bad-record.dead-letter-topic'");
        }
        return policy;
    }

    ValidationException invalid(String problem) {
        return new ValidationException("Table " + tableName() + " (connector '" + connector + "'): " + problem);
    }
}
