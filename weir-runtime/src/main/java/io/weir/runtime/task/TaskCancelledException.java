package io.weir.runtime.task;

/** Thrown inside a task when it was cancelled while waiting; ends the task as CANCELED, not FAILED. */
public final class TaskCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException() {
        super("The task was cancelled");
    }
}
