package io.weir.runtime.jobmaster;

/** The state of one subtask attempt. FINISHED, CANCELED and FAILED are terminal. */
public enum ExecutionState {
    CREATED,
    DEPLOYED,
    CANCELING,
    FINISHED,
    CANCELED,
    FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }
}
