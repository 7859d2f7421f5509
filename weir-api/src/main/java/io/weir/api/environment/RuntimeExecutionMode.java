package io.weir.api.environment;

/** How a job runs: as a stream, as a batch (bounded inputs only), or chosen from the sources. */
public enum RuntimeExecutionMode {
    STREAMING,
    BATCH,
    AUTOMATIC
}
