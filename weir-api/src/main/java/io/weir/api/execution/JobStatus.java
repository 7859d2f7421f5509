package io.weir.api.execution;

/**
 * The state of a job. FINISHED, FAILED and CANCELED are terminal. A job that failed and will be
 * restarted by its restart strategy is RESTARTING until its tasks run again.
 */
public enum JobStatus {
    CREATED,
    RUNNING,
    RESTARTING,
    FAILING,
    CANCELLING,
    FINISHED,
    FAILED,
    CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
