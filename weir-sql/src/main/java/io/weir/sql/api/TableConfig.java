package io.weir.sql.api;

import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session options of a {@link TableEnvironment}: what {@code SET 'key' = 'value'} sets and
 * {@code RESET} clears. Keys are Flink's ({@code parallelism.default}, {@code table.exec.*}, ...).
 * Every option also reaches the jobs the session submits, as in Flink, so {@code SET} chooses the
 * state backend, checkpointing and restart strategy of the next job.
 */
public final class TableConfig {

    /** The parallelism of the operators of a SQL job. */
    public static final String PARALLELISM_DEFAULT = "parallelism.default";

    /**
     * How long the state of an idle key (a group of a group aggregate) is kept after its last
     * change, as Flink's {@code table.exec.state.ttl}: {@code 0} (the default) keeps it forever.
     */
    public static final String STATE_TTL = "table.exec.state.ttl";

    /** How often SQL sources with a WATERMARK emit watermarks; 0 emits one after every row that raises it. */
    public static final String AUTO_WATERMARK_INTERVAL = "pipeline.auto-watermark-interval";

    /** The name of the job an INSERT or statement set submits; unset: {@code insert-into_} and the sink tables. */
    public static final String PIPELINE_NAME = "pipeline.name";

    private final Map<String, String> options = new TreeMap<>();

    public TableConfig set(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** The value of a key, or null if it is not set. */
    public String get(String key) {
        return options.get(key);
    }

    /** {@link #STATE_TTL} as a duration. */
    public Duration stateTtl() {
        return duration(STATE_TTL);
    }

    /**
     * The value of {@code key} as a duration: a number and a unit ({@code 1 h}, {@code 30 min}) or
     * milliseconds; zero if it is not set.
     */
    public Duration duration(String key) {
        String value = options.get(key);
        if (value == null) {
            return Duration.ZERO;
        }
        try {
            return Configuration.fromMap(Map.of(key, value)).get(ConfigOptions.key(key).durationType()
                    .defaultValue(Duration.ZERO));
        } catch (RuntimeException e) {
            throw new ValidationException("'" + key + "' must be a duration such as '1 h', '30 min' or '3600000' "
                    + "(milliseconds), not '" + value + "'");
        }
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
