package io.weir.api.environment;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.execution.CheckpointingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * The checkpoint settings of a job, read and written through the environment's configuration (the
 * {@code execution.checkpointing.*} options), so code and configuration files set the same values.
 */
public class CheckpointConfig {
    private final Configuration configuration;

    CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    /** Whether periodic checkpoints are taken. */
    public boolean isCheckpointingEnabled() {
        return configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).isPresent();
    }

    /** Time between the starts of two checkpoints in milliseconds; -1 when checkpointing is disabled. */
    public long getCheckpointInterval() {
        return configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).map(Duration::toMillis)
                .orElse(-1L);
    }

    public void setCheckpointInterval(long intervalMillis) {
        if (intervalMillis < 10) {
            throw new IllegalArgumentException("The checkpoint interval must be at least 10 ms, got " + intervalMillis);
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(intervalMillis));
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE);
    }

    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, Objects.requireNonNull(mode));
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
    }

    public void setCheckpointTimeout(long timeoutMillis) {
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("The checkpoint timeout must be positive, got " + timeoutMillis);
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(timeoutMillis));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
    }

    public void setMinPauseBetweenCheckpoints(long minPauseMillis) {
        if (minPauseMillis < 0) {
            throw new IllegalArgumentException("The minimum pause must not be negative, got " + minPauseMillis);
        }
        configuration.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(minPauseMillis));
    }

    public int getMaxConcurrentCheckpoints() {
        return configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
    }

    public void setMaxConcurrentCheckpoints(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("At least one checkpoint must be allowed at a time, got " + max);
        }
        configuration.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, max);
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
    }

    public void setTolerableCheckpointFailureNumber(int number) {
        if (number < 0) {
            throw new IllegalArgumentException("The tolerable failure number must not be negative, got " + number);
        }
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, number);
    }

    /** Where checkpoints are written: a directory path or {@code file:} URI. */
    public void setCheckpointStorage(String checkpointDirectory) {
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Objects.requireNonNull(checkpointDirectory));
    }

    public String getCheckpointStorage() {
        return configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).orElse(null);
    }

    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, Objects.requireNonNull(retention));
    }

    /**
     * Turns unaligned checkpoints on ({@code execution.checkpointing.unaligned.enabled}): barriers
     * overtake queued records, which go into the checkpoint, so checkpoints complete under
     * backpressure. Exactly-once mode only.
     */
    public void enableUnalignedCheckpoints() {
        enableUnalignedCheckpoints(true);
    }

    public void enableUnalignedCheckpoints(boolean enabled) {
        configuration.set(CheckpointingOptions.ENABLE_UNALIGNED, enabled);
    }

    public boolean isUnalignedCheckpointsEnabled() {
        return configuration.get(CheckpointingOptions.ENABLE_UNALIGNED);
    }

    /**
     * {@code execution.checkpointing.aligned-checkpoint-timeout}: with unaligned checkpoints, each checkpoint
     * starts aligned and a task goes unaligned when the checkpoint is older than this and its alignment is not
     * done; 0 (the default): unaligned from the start.
     */
    public void setAlignedCheckpointTimeout(Duration timeout) {
        configuration.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Objects.requireNonNull(timeout));
    }

    public Duration getAlignedCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT);
    }

    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
    }
}
