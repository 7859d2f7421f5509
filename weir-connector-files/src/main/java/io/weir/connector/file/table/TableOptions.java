package io.weir.connector.file.table;

import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.MemorySize;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.TableFactory;
import java.time.Duration;
import java.util.Map;

/** A filesystem table's options; a missing or bad one fails naming the table and the key. */
record TableOptions(TableFactory.Context context, Map<String, String> options) {

    TableOptions(TableFactory.Context context) {
        this(context, context.table().options());
    }

    String name() {
        return context.identifier().asSummaryString();
    }

    String required(String key, String example) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw invalid("the '" + key + "' option is missing, e.g. '" + key + "' = '" + example + "'");
        }
        return value.trim();
    }

    String text(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    int positive(String key) {
        String value = options.get(key);
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("option '" + key + "' = '" + value + "' must be a whole number above 0");
    }

    Duration duration(String key, Duration defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration duration = Configuration.fromMap(options).get(ConfigOptions.key(key).durationType().noDefaultValue());
            if (duration != null && !duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw invalid("option '" + key + "' = '" + value + "' is not a duration above 0, e.g. '10 s' or '30 min'");
    }

    long bytes(String key, MemorySize defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue.getBytes();
        }
        try {
            MemorySize size = Configuration.fromMap(options).get(ConfigOptions.key(key).memoryType().noDefaultValue());
            if (size != null && size.getBytes() > 0) {
                return size.getBytes();
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw invalid("option '" + key + "' = '" + value + "' is not a size above 0, e.g. '128 mb'");
    }

    /** {@code scan.bad-record.policy}: {@code fail} (the default) or {@code skip}, as the Kafka table reads it. */
    BadRecordPolicy badRecordPolicy() {
        BadRecordPolicy policy;
        try {
            policy = BadRecordPolicy.fromOptionValue(text("scan.bad-record.policy", "fail"));
        } catch (IllegalArgumentException e) {
            throw invalid("'scan.bad-record.policy': " + e.getMessage());
        }
        if (policy == BadRecordPolicy.DEAD_LETTER) {
            throw invalid("'scan.bad-record.policy' = 'dead-letter' is not offered by the filesystem connector (a bad "
                    + "line stays in its file); use 'skip', which logs the file and line, or 'fail'");
        }
        return policy;
    }

    ValidationException invalid(String problem) {
        return new ValidationException("Table " + name() + " (connector 'filesystem'): " + problem);
    }
}
