package io.weir.api.configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link ConfigOption}s:
 * {@code ConfigOptions.key("a.b").intType().defaultValue(4).withDescription("...")}. Lists of any
 * type come from {@code asList()}: {@code key("k").stringType().asList().defaultValues("a", "b")}.
 */
public final class ConfigOptions {
    private ConfigOptions() {}

    public static OptionBuilder key(String key) {
        if (key == null || key.isBlank() || !key.equals(key.trim())) {
            throw new IllegalArgumentException("A configuration key must be non-empty without surrounding spaces: '"
                    + key + "'");
        }
        return new OptionBuilder(key);
    }

    /** Second step: the type. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        public TypedConfigOptionBuilder<Integer> intType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.INT);
        }

        public TypedConfigOptionBuilder<Long> longType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.LONG);
        }

        public TypedConfigOptionBuilder<Double> doubleType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.DOUBLE);
        }

        public TypedConfigOptionBuilder<Boolean> booleanType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.BOOLEAN);
        }

        public TypedConfigOptionBuilder<String> stringType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.STRING);
        }

        public TypedConfigOptionBuilder<Duration> durationType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.DURATION);
        }

        public TypedConfigOptionBuilder<MemorySize> memoryType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.MEMORY);
        }

        /** Values are the enum's constant names, matched ignoring case; the docs list them. */
        public <E extends Enum<E>> TypedConfigOptionBuilder<E> enumType(Class<E> enumClass) {
            return new TypedConfigOptionBuilder<>(key, ValueType.enumType(enumClass));
        }

        /** A map of strings, written {@code k1:v1,k2:v2}. */
        public TypedConfigOptionBuilder<Map<String, String>> mapType() {
            return new TypedConfigOptionBuilder<>(key, ValueType.MAP);
        }
    }

    /** Third step: the default value (or none), or a turn to lists of the type. */
    public static final class TypedConfigOptionBuilder<T> {
        private final String key;
        private final ValueType<T> type;

        TypedConfigOptionBuilder(String key, ValueType<T> type) {
            this.key = key;
            this.type = type;
        }

        public ListConfigOptionBuilder<T> asList() {
            return new ListConfigOptionBuilder<>(key, type.asList());
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, type.cast(value));
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null);
        }
    }

    /** Third step for lists: the default elements (or none). */
    public static final class ListConfigOptionBuilder<E> {
        private final String key;
        private final ValueType<List<E>> type;

        ListConfigOptionBuilder(String key, ValueType<List<E>> type) {
            this.key = key;
            this.type = type;
        }

        @SafeVarargs
        public final ConfigOption<List<E>> defaultValues(E... values) {
            return new ConfigOption<>(key, type, List.copyOf(Arrays.asList(values)));
        }

        public ConfigOption<List<E>> noDefaultValue() {
            return new ConfigOption<>(key, type, null);
        }
    }
}
