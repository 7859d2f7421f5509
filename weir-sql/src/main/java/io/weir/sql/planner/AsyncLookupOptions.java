package io.weir.sql.planner;

import io.weir.sql.api.TableConfig;
import io.weir.sql.api.ValidationException;
import java.time.Duration;
import java.util.Locale;

/**
 * How asynchronous lookup joins run, from Flink's session options:
 * {@code table.exec.async-lookup.buffer-capacity} (lookups in flight per subtask, 100),
 * {@code table.exec.async-lookup.timeout} (per probe row, 3 min; then the job fails) and
 * {@code table.exec.async-lookup.output-mode} ({@code ORDERED}, or {@code ALLOW_UNORDERED}, which
 * emits results as they complete when the probe side is append-only).
 */
public record AsyncLookupOptions(int capacity, Duration timeout, boolean allowUnordered) {

    public static final String BUFFER_CAPACITY = "table.exec.async-lookup.buffer-capacity";
    public static final String TIMEOUT = "table.exec.async-lookup.timeout";
    public static final String OUTPUT_MODE = "table.exec.async-lookup.output-mode";

    public static AsyncLookupOptions defaults() {
        return new AsyncLookupOptions(100, Duration.ofMinutes(3), false);
    }

    /** The session's values; a bad one fails naming the key and what it takes. */
    public static AsyncLookupOptions from(TableConfig config) {
        AsyncLookupOptions defaults = defaults();
        int capacity = defaults.capacity();
        String capacityText = config.get(BUFFER_CAPACITY);
        if (capacityText != null) {
            try {
                capacity = Integer.parseInt(capacityText.trim());
            } catch (NumberFormatException e) {
                capacity = 0;
            }
            if (capacity < 1) {
                throw new ValidationException("'" + BUFFER_CAPACITY + "' must be a whole number of at least 1, not '"
                        + capacityText + "'");
            }
        }
        Duration timeout = config.get(TIMEOUT) == null ? defaults.timeout() : config.duration(TIMEOUT);
        String mode = config.get(OUTPUT_MODE);
        boolean unordered = false;
        if (mode != null) {
            switch (mode.trim().toUpperCase(Locale.ROOT)) {
                case "ORDERED" -> unordered = false;
                case "ALLOW_UNORDERED" -> unordered = true;
                default -> throw new ValidationException("'" + OUTPUT_MODE + "' is ORDERED or ALLOW_UNORDERED, not '"
                        + mode + "'");
            }
        }
        return new AsyncLookupOptions(capacity, timeout, unordered);
    }
}
