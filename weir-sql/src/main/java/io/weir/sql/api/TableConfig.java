package io.weir.sql.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session options of a {@link TableEnvironment}: what {@code SET 'key' = 'value'} sets and
 * {@code RESET} clears. Keys are Flink's ({@code parallelism.default}, {@code table.exec.*}, ...).
 * Weir reads {@code parallelism.default} today; other keys are kept and listed by {@code SET}.
 */
public final class TableConfig {

    /** The parallelism of the operators of a SQL job. */
    public static final String PARALLELISM_DEFAULT = "parallelism.default";

    private final Map<String, String> options = new TreeMap<>();

    public TableConfig set(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** The value of a key, or null if it is not set. */
    public String get(String key) {
        return options.get(key);
    }

    public void reset(String key) {
        options.remove(key);
    }

    public void resetAll() {
        options.clear();
    }

    /** All options set in this session, sorted by key. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(options);
    }
}
