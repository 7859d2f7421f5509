package io.weir.api.execution;

/** The state of a job. FINISHED, FAILED and CANCELED are terminal. */
public enum JobStatus {
    CREATED,
    RUNNING,
    FAILING,
    CANCELLING,
    FINISHED,
    FAILED,
    CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
