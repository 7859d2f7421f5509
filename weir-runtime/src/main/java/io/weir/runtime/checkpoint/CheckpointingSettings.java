package io.weir.runtime.checkpoint;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.execution.CheckpointingMode;
import java.time.Duration;

/**
 * A job's checkpoint settings as the runtime uses them, read once from the job's configuration.
 *
 * @param interval time between the starts of two checkpoints, or {@code null} when disabled
 * @param directory where checkpoints are written, or {@code null} to keep them in memory
 * @param unaligned whether checkpoints are unaligned (asked for, and the mode is exactly-once)
 * @param alignedTimeout with unaligned checkpoints, how long a checkpoint stays aligned before a task
 *     goes unaligned, counted from the checkpoint's start; zero: unaligned from the start
 */
public record CheckpointingSettings(Duration interval, CheckpointingMode mode, Duration timeout, Duration minPause,
        int maxConcurrent, int tolerableFailures, int retained, String directory,
        ExternalizedCheckpointRetention retention, boolean unaligned, Duration alignedTimeout) {

    public CheckpointingSettings(Duration interval, CheckpointingMode mode, Duration timeout, Duration minPause,
            int maxConcurrent, int tolerableFailures, int retained, String directory,
            ExternalizedCheckpointRetention retention) {
        this(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, retained, directory, retention, false,
                Duration.ZERO);
    }

    public CheckpointingSettings(Duration interval, CheckpointingMode mode, Duration timeout, Duration minPause,
            int maxConcurrent, int tolerableFailures, int retained, String directory,
            ExternalizedCheckpointRetention retention, boolean unaligned) {
        this(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, retained, directory, retention,
                unaligned, Duration.ZERO);
    }

    public static CheckpointingSettings of(Configuration config) {
        return new CheckpointingSettings(
                config.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).orElse(null),
                config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE),
                config.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT),
                config.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS),
                positive(config.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS),
                        CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS.key()),
                Math.max(0, config.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER)),
                positive(config.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS),
                        CheckpointingOptions.MAX_RETAINED_CHECKPOINTS.key()),
                config.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).orElse(null),
                config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION),
                unaligned(config), alignedTimeout(config));
    }

    /**
     * Unaligned checkpoints apply to exactly-once mode only (at-least-once blocks nothing anyway), as in
     * Flink.
     */
    private static boolean unaligned(Configuration config) {
        return config.get(CheckpointingOptions.ENABLE_UNALIGNED)
                && config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE) == CheckpointingMode.EXACTLY_ONCE;
    }

    /** As in Flink, the timeout only matters with unaligned checkpoints. */
    private static Duration alignedTimeout(Configuration config) {
        return unaligned(config) ? config.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT) : Duration.ZERO;
    }

    /** Whether checkpoints start aligned and go unaligned when their alignment takes longer than {@link #alignedTimeout}. */
    public boolean alignedFirst() {
        return unaligned && !alignedTimeout.isZero();
    }

    public boolean enabled() {
        return interval != null;
    }

    public boolean exactlyOnce() {
        return mode == CheckpointingMode.EXACTLY_ONCE;
    }

    private static int positive(int value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException("Configuration key '" + key + "' must be at least 1, got " + value);
        }
        return value;
    }

}
