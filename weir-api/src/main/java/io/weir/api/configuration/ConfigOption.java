package io.weir.api.configuration;

import java.util.Objects;
import java.util.function.Function;

/**
 * A typed configuration setting, declared once: key, type, default value, description, and how a
 * string value is parsed and validated.
 */
public final class ConfigOption<T> {
    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;

    ConfigOption(String key, Class<T> type, T defaultValue, String description, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description);
        this.parser = Objects.requireNonNull(parser);
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public String description() {
        return description;
    }

    /** Parses a string value, failing with a message that names the key and the expected type. */
    public T parse(String value) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for configuration key '" + key
                    + "': expected " + type.getSimpleName() + ". " + description, e);
        }
    }

    @Override
    public String toString() {
        return key + " (" + type.getSimpleName() + ", default " + defaultValue + ")";
    }
}
