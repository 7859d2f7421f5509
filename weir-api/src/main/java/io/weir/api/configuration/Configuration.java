package io.weir.api.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of configuration values by key, read and written through typed {@link ConfigOption}s or as
 * strings (from {@code conf/config.yaml} or {@code -D key=value}).
 *
 * <p>A string value for a key the {@link ConfigOptionRegistry} knows is parsed and checked at once,
 * so a bad value fails where it is set, naming the key. A deprecated key is stored under its
 * current key, with one warning. A key in a namespace Weir owns ({@code execution.},
 * {@code state.}, ...) that no option declares fails with the closest known key; other keys
 * (connector and user settings) are kept as strings.
 *
 * <p>Not thread-safe: a configuration is built on one thread, then copied into the job.
 */
public final class Configuration implements ReadableConfig, Serializable {
    private static final long serialVersionUID = 2L;

    /** Typed values for keys whose option was known when set, else strings. */
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    /** A configuration of string values, each set with {@link #setString}. */
    public static Configuration fromMap(Map<String, String> map) {
        Configuration config = new Configuration();
        map.forEach(config::setString);
        return config;
    }

    // ---- writing ----

    /** Sets a typed value, checked against the option's rule. */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        if (value == null) {
            throw new IllegalConfigurationException("Configuration key '" + option.key() + "' cannot be set to null; "
                    + "use removeConfig to unset it.");
        }
        for (String deprecated : option.deprecatedKeys()) {
            values.remove(deprecated);
        }
        values.put(option.key(), option.validate(value));
        return this;
    }

    /**
     * Sets a value given as a string. Known keys are parsed now; see the class comment for
     * deprecated, misspelt and foreign keys.
     *
     * @throws IllegalArgumentException for a value the key's option cannot parse, or an unknown
     *     key in a claimed namespace
     */
    public Configuration setString(String key, String value) {
        ConfigOptionRegistry registry = ConfigOptionRegistry.global();
        Optional<ConfigOption<?>> option = registry.find(key);
        if (option.isEmpty()) {
            registry.checkKnown(key);
            values.put(key, value);
            return this;
        }
        ConfigOption<?> known = option.get();
        if (!known.key().equals(key)) {
            DeprecatedKeyWarnings.warnOnce(key, known.key());
        }
        Object parsed = known.parse(value);
        values.remove(key);
        values.put(known.key(), parsed);
        return this;
    }

    /** Adds every value of {@code other}, replacing values of the same keys. */
    public Configuration addAll(Configuration other) {
        values.putAll(other.values);
        return this;
    }

    /** Unsets the option under its key and its deprecated keys; says whether anything was set. */
    public <T> boolean removeConfig(ConfigOption<T> option) {
        boolean removed = values.remove(option.key()) != null;
        for (String deprecated : option.deprecatedKeys()) {
            removed |= values.remove(deprecated) != null;
        }
        return removed;
    }

    /** Unsets a key; says whether it was set. */
    public boolean removeKey(String key) {
        return values.remove(key) != null;
    }

    // ---- reading ----

    @Override
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElseGet(option::defaultValue);
    }

    @Override
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        Object value = values.get(option.key());
        if (value != null) {
            return Optional.of(option.convert(value));
        }
        for (String fallback : option.fallbackKeys()) {
            value = values.get(fallback);
            if (value != null) {
                return Optional.of(option.convert(value));
            }
        }
        for (String deprecated : option.deprecatedKeys()) {
            value = values.get(deprecated);
            if (value != null) {
                DeprecatedKeyWarnings.warnOnce(deprecated, option.key());
                return Optional.of(option.convert(value));
            }
        }
        return Optional.empty();
    }

    /** Whether a value is set for the option under any of its keys. */
    public boolean contains(ConfigOption<?> option) {
        return getOptional(option).isPresent();
    }

    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    /** The value of a key as a string (typed values written as their option parses them), or {@code defaultValue}. */
    public String getString(String key, String defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            Optional<ConfigOption<?>> option = ConfigOptionRegistry.global().find(key);
            if (option.isPresent() && !option.get().key().equals(key)) {
                value = values.get(option.get().key());
            }
        }
        return value == null ? defaultValue : format(value);
    }

    /** The value of a key as a string, or empty. */
    public Optional<String> getString(String key) {
        return Optional.ofNullable(getString(key, null));
    }

    public Set<String> keySet() {
        return Collections.unmodifiableSet(values.keySet());
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(key, format(value)));
        return map;
    }

    /** A live, read-only view: it sees later changes to this configuration but cannot make any. */
    public ReadableConfig readOnlyView() {
        Configuration self = this;
        return new ReadableConfig() {
            @Override
            public <T> T get(ConfigOption<T> option) {
                return self.get(option);
            }

            @Override
            public <T> Optional<T> getOptional(ConfigOption<T> option) {
                return self.getOptional(option);
            }

            @Override
            public Map<String, String> toMap() {
                return self.toMap();
            }

            @Override
            public String toString() {
                return self.toString();
            }
        };
    }

    /** Writes a stored value the way its option parses it back. */
    private static String format(Object value) {
        if (value instanceof Duration) {
            return DurationParser.format((Duration) value);
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(Configuration::format).collect(Collectors.joining(";"));
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration && ((Configuration) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
