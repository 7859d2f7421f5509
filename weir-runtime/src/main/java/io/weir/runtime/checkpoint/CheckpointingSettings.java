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
 */
public record CheckpointingSettings(Duration interval, CheckpointingMode mode, Duration timeout, Duration minPause,
        int maxConcurrent, int tolerableFailures, int retained, String directory,
        ExternalizedCheckpointRetention retention, boolean unaligned) {

    public CheckpointingSettings(Duration interval, CheckpointingMode mode, Duration timeout, Duration minPause,
            int maxConcurrent, int tolerableFailures, int retained, String directory,
            ExternalizedCheckpointRetention retention) {
        this(interval, mode, timeout, minPause, maxConcurrent, tolerableFailures, retained, directory, retention, false);
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
                unaligned(config));
    }

    /**
     * Unaligned checkpoints apply to exactly-once mode only (at-least-once blocks nothing anyway), as in
     * Flink. A checkpoint that starts aligned and switches after {@code aligned-checkpoint-timeout} is
     * not supported yet: a timeout above 0 is refused rather than ignored.
     */
    private static boolean unaligned(Configuration config) {
        if (!config.get(CheckpointingOptions.ENABLE_UNALIGNED)) {
            return false;
        }
        Duration timeout = config.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT);
        if (!timeout.isZero()) {
            throw new IllegalArgumentException(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT.key() + " is "
                    + timeout.toMillis() + " ms, but Weir cannot switch a checkpoint from aligned to unaligned yet: "
                    + "set it to 0 (unaligned from the start), or turn "
                    + CheckpointingOptions.ENABLE_UNALIGNED.key() + " off");
        }
        return config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE) == CheckpointingMode.EXACTLY_ONCE;
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
