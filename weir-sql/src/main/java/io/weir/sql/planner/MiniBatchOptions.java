package io.weir.sql.planner;

import io.weir.sql.api.TableConfig;
import io.weir.sql.api.ValidationException;
import java.time.Duration;
import java.util.Locale;

/**
 * Mini-batch for group aggregates, from Flink's session options: {@code table.exec.mini-batch.enabled}
 * (false), {@code table.exec.mini-batch.allow-latency} (how long a row may wait in a batch; must be
 * positive when enabled) and {@code table.exec.mini-batch.size} (how many rows a batch holds at most;
 * must be positive when enabled), as Flink requires them; and {@code table.optimizer.agg-phase-strategy}
 * ({@code AUTO}, {@code ONE_PHASE}, {@code TWO_PHASE}): with mini-batch on and not {@code ONE_PHASE}, a
 * group aggregate whose calls all merge and whose input is append-only runs in two phases. Also
 * split-distinct: {@code table.optimizer.distinct-agg.split.enabled} (false) and
 * {@code table.optimizer.distinct-agg.split.bucket-num} (1024), {@code splitDistinctBuckets} 0 when off.
 */
public record MiniBatchOptions(boolean enabled, Duration latency, int size, boolean twoPhase,
        int splitDistinctBuckets) {

    public static final String ENABLED = "table.exec.mini-batch.enabled";
    public static final String ALLOW_LATENCY = "table.exec.mini-batch.allow-latency";
    public static final String SIZE = "table.exec.mini-batch.size";
    public static final String AGG_PHASE_STRATEGY = "table.optimizer.agg-phase-strategy";
    public static final String SPLIT_DISTINCT = "table.optimizer.distinct-agg.split.enabled";
    public static final String SPLIT_BUCKETS = "table.optimizer.distinct-agg.split.bucket-num";

    public static MiniBatchOptions disabled() {
        return new MiniBatchOptions(false, Duration.ZERO, 0, false, 0);
    }

    /** The session's values; a bad one fails naming the key and what it takes. */
    public static MiniBatchOptions from(TableConfig config) {
        String strategy = config.get(AGG_PHASE_STRATEGY);
        boolean twoPhase = true;
        if (strategy != null) {
            switch (strategy.trim().toUpperCase(Locale.ROOT)) {
                case "AUTO", "TWO_PHASE" -> twoPhase = true;
                case "ONE_PHASE" -> twoPhase = false;
                default -> throw new ValidationException("'" + AGG_PHASE_STRATEGY + "' is AUTO, ONE_PHASE or TWO_PHASE, "
                        + "not '" + strategy + "'");
            }
        }
        int splitBuckets = splitDistinctBuckets(config);
        String enabledText = config.get(ENABLED);
        if (enabledText == null || enabledText.trim().equalsIgnoreCase("false")) {
            return new MiniBatchOptions(false, Duration.ZERO, 0, false, splitBuckets);
        }
        if (!enabledText.trim().equalsIgnoreCase("true")) {
            throw new ValidationException("'" + ENABLED + "' is true or false, not '" + enabledText + "'");
        }
        Duration latency = config.duration(ALLOW_LATENCY);
        if (latency.isZero() || latency.isNegative()) {
            throw new ValidationException("'" + ALLOW_LATENCY + "' must be a positive duration such as '2 s' when '"
                    + ENABLED + "' is true" + (config.get(ALLOW_LATENCY) == null ? "; set it"
                            : ", not '" + config.get(ALLOW_LATENCY) + "'"));
        }
        String sizeText = config.get(SIZE);
        int size = -1;
        if (sizeText != null) {
            try {
                size = Integer.parseInt(sizeText.trim().toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                size = -1;
            }
        }
        if (size < 1) {
            throw new ValidationException("'" + SIZE + "' must be a whole number of at least 1 when '" + ENABLED
                    + "' is true" + (sizeText == null ? "; set it (e.g. '5000')" : ", not '" + sizeText + "'"));
        }
        return new MiniBatchOptions(true, latency, size, twoPhase, splitBuckets);
    }

    private static int splitDistinctBuckets(TableConfig config) {
        String enabled = config.get(SPLIT_DISTINCT);
        if (enabled == null || enabled.trim().equalsIgnoreCase("false")) {
            return 0;
        }
        if (!enabled.trim().equalsIgnoreCase("true")) {
            throw new ValidationException("'" + SPLIT_DISTINCT + "' is true or false, not '" + enabled + "'");
        }
        String bucketsText = config.get(SPLIT_BUCKETS);
        if (bucketsText == null) {
            return 1024;
        }
        try {
            int buckets = Integer.parseInt(bucketsText.trim());
            if (buckets >= 1) {
                return buckets;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("'" + SPLIT_BUCKETS + "' must be a whole number of at least 1, not '"
                + bucketsText + "'");
    }
}
