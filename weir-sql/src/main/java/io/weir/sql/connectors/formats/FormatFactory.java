package io.weir.sql.connectors.formats;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.ChangelogMode;
import java.util.Map;
import java.util.Set;

/**
 * A format for SQL tables of message-based connectors ({@code 'format' = 'json'}, {@code 'key.format'},
 * {@code 'value.format'}), found by its name through {@link java.util.ServiceLoader}, as Flink's
 * DeserializationFormatFactory and SerializationFormatFactory in one. Its options are written with
 * the format's name as prefix ({@code 'json.ignore-parse-errors'}); the factory sees them without it.
 *
 * <p>A deserializer throws an {@link java.io.IOException} saying what is wrong with a message; the
 * connector adds where the message came from and applies its bad-record policy.
 */
public interface FormatFactory {

    /** The name in {@code 'format' = '...'}. */
    String factoryIdentifier();

    /** The option keys the format understands, without the {@code <name>.} prefix. */
    Set<String> supportedOptions();

    /** The change kinds the deserialized rows carry; append-only ({@code +I}) unless a changelog format says so. */
    default ChangelogMode changelogMode() {
        return ChangelogMode.insertOnly();
    }

    /** Reads each message into zero or more rows of {@code context.rowType()}. */
    DeserializationSchema<Row> createDeserializer(Context context);

    /** Writes each row as one message; the default says the format can only be read. */
    default SerializationSchema<Row> createSerializer(Context context) {
        throw context.invalid("the format can only be read, not written");
    }

    /** The precision and scale of a {@code DECIMAL(p, s)} column. */
    record Decimal(int precision, int scale) {}

    /**
     * What a format is told: the table (for messages), the rows' type, the format's own options, and
     * the precision and scale of the table's DECIMAL columns by name (the rows' type does not carry
     * them; empty when unknown).
     */
    record Context(String tableName, String formatName, RowTypeInfo rowType, Map<String, String> options,
            Map<String, Decimal> decimals) {

        public Context(String tableName, String formatName, RowTypeInfo rowType, Map<String, String> options) {
            this(tableName, formatName, rowType, options, Map.of());
        }

        /** The precision and scale of the table's DECIMAL column {@code name}, or {@code null} if not known. */
        public Decimal decimal(String name) {
            return decimals.get(name);
        }

        public String option(String key, String defaultValue) {
            return options.getOrDefault(key, defaultValue);
        }

        /** A {@code true}/{@code false} option; anything else fails naming the key. */
        public boolean flag(String key, boolean defaultValue) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw invalid("option '" + formatName + "." + key + "' = '" + value + "' must be 'true' or 'false'");
        }

        /** A single-character option. */
        public char character(String key, char defaultValue) {
            String value = options.get(key);
            if (value == null) {
                return defaultValue;
            }
            String unescaped = value.equals("\\t") ? "\t" : value;
            if (unescaped.length() != 1) {
                throw invalid("option '" + formatName + "." + key + "' = '" + value + "' must be one character");
            }
            return unescaped.charAt(0);
        }

        public ValidationException invalid(String problem) {
            return new ValidationException("Table " + tableName + " (format '" + formatName + "'): " + problem);
        }
    }
}
