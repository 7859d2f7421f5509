package io.weir.api.configuration;

import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A set of configuration values, read through typed {@link ConfigOption}s. Values given as strings
 * (from a file or the command line) are checked against the known options: an unknown key fails
 * with the closest known key.
 */
public final class Configuration implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, Object> values = new HashMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    /**
     * Builds a configuration from string values, validating each key against {@code known} and parsing
     * each value with its option. Fails on the first unknown key with a "did you mean" suggestion.
     */
    public static Configuration fromStrings(Map<String, String> raw, Collection<ConfigOption<?>> known) {
        Configuration config = new Configuration();
        Map<String, ConfigOption<?>> byKey = new HashMap<>();
        for (ConfigOption<?> option : known) {
            byKey.put(option.key(), option);
        }
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            ConfigOption<?> option = byKey.get(entry.getKey());
            if (option == null) {
                String hint = closest(entry.getKey(), byKey.keySet()).map(k -> " Did you mean '" + k + "'?").orElse("");
                throw new IllegalArgumentException("Unknown configuration key '" + entry.getKey() + "'." + hint);
            }
            config.values.put(option.key(), option.parse(entry.getValue()));
        }
        return config;
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), value);
        return this;
    }

    public <T> T get(ConfigOption<T> option) {
        Object value = values.get(option.key());
        return value == null ? option.defaultValue() : option.type().cast(value);
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        return Optional.ofNullable(values.get(option.key())).map(option.type()::cast);
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    static Optional<String> closest(String key, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(c -> editDistance(key, c)))
                .filter(c -> editDistance(key, c) <= Math.max(3, key.length() / 3));
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
