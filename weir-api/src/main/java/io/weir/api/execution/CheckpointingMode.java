package io.weir.api.execution;

/**
 * What a checkpoint guarantees when a job restores from it. Set with
 * {@code execution.checkpointing.mode} ({@link io.weir.api.configuration.CheckpointingOptions}).
 */
public enum CheckpointingMode {
    /**
     * Every record affects the restored state exactly once: tasks with several inputs align the
     * checkpoint barriers (or take unaligned checkpoints that include the in-flight records).
     */
    EXACTLY_ONCE,
    /**
     * Records after a barrier may be processed before the checkpoint is taken, so after a restore
     * some records affect the state twice; in exchange there is no alignment delay.
     */
    AT_LEAST_ONCE
}
