package io.weir.api.configuration;

import io.weir.api.execution.CheckpointingMode;
import java.time.Duration;

/**
 * Settings of checkpoints and savepoints: when they are taken, what they guarantee, where they are
 * written and how many are kept. The keys and the old keys they replace are Flink 2's.
 *
 * <p>The runtime reads the interval, mode, timeout, min pause, max concurrent, tolerable failures,
 * directory, number retained and retention; the savepoint directory, unaligned checkpoints, the
 * aligned-checkpoint timeout and incremental checkpoints are accepted and checked but not used yet.
 */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL =
            ConfigOptions.key("execution.checkpointing.interval")
            .durationType().noDefaultValue()
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("Time between the starts of two checkpoints. Unset: checkpointing is off.");

    public static final ConfigOption<CheckpointingMode> CHECKPOINTING_CONSISTENCY_MODE =
            ConfigOptions.key("execution.checkpointing.mode")
            .enumType(CheckpointingMode.class).defaultValue(CheckpointingMode.EXACTLY_ONCE)
            .withDescription("EXACTLY_ONCE aligns barriers at tasks with several inputs; AT_LEAST_ONCE passes "
                    + "them on at once, so records may count twice after a restore.");

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT =
            ConfigOptions.key("execution.checkpointing.timeout")
            .durationType().defaultValue(Duration.ofMinutes(10))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("A checkpoint not complete after this long is aborted.");

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.min-pause")
            .durationType().defaultValue(Duration.ZERO)
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("Least time between the end of one checkpoint and the start of the next, so a job "
                    + "whose checkpoints take long still makes progress between them.");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.max-concurrent-checkpoints")
            .intType().defaultValue(1)
            .withValidation(n -> n >= 1, "be at least 1")
            .withDescription("How many checkpoints may be in progress at the same time.");

    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER =
            ConfigOptions.key("execution.checkpointing.tolerable-failed-checkpoints")
            .intType().defaultValue(0)
            .withValidation(n -> n >= 0, "not be negative")
            .withDescription("How many checkpoints in a row may fail before the job fails (and restarts by its "
                    + "restart strategy).");

    public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION =
            ConfigOptions.key("execution.checkpointing.externalized-checkpoint-retention")
            .enumType(ExternalizedCheckpointRetention.class)
            .defaultValue(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS)
            .withDescription("Whether completed checkpoints stay on disk when the job ends, so that a new run can "
                    + "start from them.");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.dir")
            .stringType().noDefaultValue()
            .withDeprecatedKeys("state.checkpoints.dir", "state.backend.fs.checkpointdir")
            .withDescription("Directory (path or file: URI) that checkpoint data and metadata are written to.");

    public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.savepoint-dir")
            .stringType().noDefaultValue()
            .withDeprecatedKeys("state.savepoints.dir", "savepoints.state.backend.fs.dir")
            .withDescription("Default directory for savepoints when a savepoint is triggered without one.");

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.num-retained")
            .intType().defaultValue(1)
            .withDeprecatedKeys("state.checkpoints.num-retained")
            .withValidation(n -> n >= 1, "be at least 1")
            .withDescription("How many completed checkpoints are kept; older ones are deleted.");

    public static final ConfigOption<Boolean> ENABLE_UNALIGNED =
            ConfigOptions.key("execution.checkpointing.unaligned.enabled")
            .booleanType().defaultValue(false)
            .withDeprecatedKeys("execution.checkpointing.unaligned")
            .withDescription("Take unaligned checkpoints in EXACTLY_ONCE mode: barriers overtake buffered records, "
                    + "which go into the checkpoint, so checkpoints complete under backpressure.");

    public static final ConfigOption<Duration> ALIGNED_CHECKPOINT_TIMEOUT =
            ConfigOptions.key("execution.checkpointing.aligned-checkpoint-timeout")
            .durationType().defaultValue(Duration.ZERO)
            .withDeprecatedKeys("execution.checkpointing.alignment-timeout")
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("With unaligned checkpoints enabled: a checkpoint starts aligned and switches to "
                    + "unaligned when alignment takes longer than this. 0 means unaligned from the start.");

    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.incremental")
            .booleanType().defaultValue(false)
            .withDeprecatedKeys("state.backend.incremental")
            .withDescription("Write only what changed since the previous checkpoint, where the state backend can "
                    + "(rocksdb): its immutable data files go to <checkpoint dir>/<job id>/shared/ once and are shared "
                    + "by the retained checkpoints that contain them. Savepoints are always full; hashmap ignores it.");
}
