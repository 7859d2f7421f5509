package io.weir.api.configuration;

import java.util.Map;
import java.util.Optional;

/** Read access to configuration values through typed {@link ConfigOption}s. */
public interface ReadableConfig {
    /** The option's value, from its key, its fallback keys or its deprecated keys, else its default. */
    <T> T get(ConfigOption<T> option);

    /** The option's value if one is set under any of its keys; the default does not count. */
    <T> Optional<T> getOptional(ConfigOption<T> option);

    /** Every set value as a string that the option would parse back, by key. */
    Map<String, String> toMap();
}
