package io.weir.api.configuration;

/** Whether the checkpoints of a job are kept on disk after the job ends, so a new run can restore from them. */
public enum ExternalizedCheckpointRetention {
    /** Checkpoints are deleted when the job is cancelled, kept when it fails. */
    DELETE_ON_CANCELLATION,
    /** Checkpoints are kept when the job is cancelled or fails; delete them by hand. */
    RETAIN_ON_CANCELLATION,
    /** Checkpoints are deleted whenever the job ends. */
    NO_EXTERNALIZED_CHECKPOINTS
}
