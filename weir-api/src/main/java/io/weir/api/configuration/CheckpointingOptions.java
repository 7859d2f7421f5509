package io.weir.api.configuration;

import java.time.Duration;

/** Settings of periodic checkpoints: when they are taken, how long they may take, where they go. */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL =
            ConfigOptions.key("execution.checkpointing.interval")
            .durationType().noDefaultValue()
            .withDescription("Time between the starts of two periodic checkpoints. Unset (the default) disables "
                    + "checkpointing.");

    public static final ConfigOption<String> CHECKPOINTING_CONSISTENCY_MODE =
            ConfigOptions.key("execution.checkpointing.mode")
            .stringType().defaultValue("EXACTLY_ONCE")
            .withDescription("EXACTLY_ONCE (barriers are aligned) or AT_LEAST_ONCE (no alignment; records may be "
                    + "reflected twice after a restore).");

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT =
            ConfigOptions.key("execution.checkpointing.timeout")
            .durationType().defaultValue(Duration.ofMinutes(10))
            .withDescription("A checkpoint that has not completed after this time is aborted.");

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.min-pause")
            .durationType().defaultValue(Duration.ZERO)
            .withDescription("Least time between the end of one checkpoint and the start of the next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.max-concurrent-checkpoints")
            .intType().defaultValue(1)
            .withDescription("How many checkpoints may be in progress at once.");

    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER =
            ConfigOptions.key("execution.checkpointing.tolerable-failed-checkpoints")
            .intType().defaultValue(0)
            .withDescription("How many checkpoint failures in a row the job tolerates before it fails (and "
                    + "restarts per its restart strategy).");

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.num-retained")
            .intType().defaultValue(1)
            .withDescription("How many completed checkpoints are kept; older ones are deleted.");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.dir")
            .stringType().noDefaultValue()
            .withDescription("Directory (or file: URI) checkpoints are written to, one subdirectory per job. "
                    + "Unset: checkpoints are kept in the JobManager's memory and do not survive it.");

    public static final ConfigOption<String> EXTERNALIZED_CHECKPOINT_RETENTION =
            ConfigOptions.key("execution.checkpointing.externalized-checkpoint-retention")
            .stringType().defaultValue("NO_EXTERNALIZED_CHECKPOINTS")
            .withDescription("Whether the checkpoints of a job are kept when it ends: DELETE_ON_CANCELLATION, "
                    + "RETAIN_ON_CANCELLATION or NO_EXTERNALIZED_CHECKPOINTS (deleted when the job ends).");
}
