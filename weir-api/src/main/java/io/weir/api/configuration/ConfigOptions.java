package io.weir.api.configuration;

import java.time.Duration;
import java.util.function.Function;

/** Builds {@link ConfigOption}s: {@code ConfigOptions.key("a.b").intType().defaultValue(4).withDescription("...")}. */
public final class ConfigOptions {
    private ConfigOptions() {}

    public static KeyBuilder key(String key) {
        return new KeyBuilder(key);
    }

    /** Second step: the type. */
    public static final class KeyBuilder {
        private final String key;

        KeyBuilder(String key) {
            this.key = key;
        }

        public TypedBuilder<Integer> intType() {
            return new TypedBuilder<>(key, Integer.class, Integer::valueOf);
        }

        public TypedBuilder<Long> longType() {
            return new TypedBuilder<>(key, Long.class, Long::valueOf);
        }

        public TypedBuilder<Boolean> booleanType() {
            return new TypedBuilder<>(key, Boolean.class, KeyBuilder::parseBoolean);
        }

        public TypedBuilder<String> stringType() {
            return new TypedBuilder<>(key, String.class, s -> s);
        }

        public TypedBuilder<Duration> durationType() {
            return new TypedBuilder<>(key, Duration.class, DurationParser::parse);
        }

        private static Boolean parseBoolean(String s) {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("not true or false");
        }
    }

    /** Third step: default value and description. */
    public static final class TypedBuilder<T> {
        private final String key;
        private final Class<T> type;
        private final Function<String, T> parser;
        private T defaultValue;

        TypedBuilder(String key, Class<T> type, Function<String, T> parser) {
            this.key = key;
            this.type = type;
            this.parser = parser;
        }

        public TypedBuilder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        public TypedBuilder<T> noDefaultValue() {
            this.defaultValue = null;
            return this;
        }

        public ConfigOption<T> withDescription(String description) {
            return new ConfigOption<>(key, type, defaultValue, description, parser);
        }
    }
}
