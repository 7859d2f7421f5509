package io.weir.api.environment;

/** Whether a job's checkpoints outlive it. */
public enum ExternalizedCheckpointRetention {
    /** Checkpoints are deleted when the job is cancelled, kept when it fails. */
    DELETE_ON_CANCELLATION,
    /** Checkpoints are kept when the job is cancelled or fails; delete them yourself. */
    RETAIN_ON_CANCELLATION,
    /** Checkpoints are deleted when the job ends in any way. */
    NO_EXTERNALIZED_CHECKPOINTS
}
