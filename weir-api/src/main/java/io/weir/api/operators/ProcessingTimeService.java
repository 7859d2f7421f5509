package io.weir.api.operators;

/**
 * The processing-time clock of a task and a way to run code when it reaches a time. The runtime
 * backs it with the wall clock and runs callbacks through the task's mailbox; the test harnesses
 * back it with a manual clock that tests advance.
 *
 * <p>Threading: called from the task's thread; callbacks run on the task's thread.
 */
public interface ProcessingTimeService {
    /** The current processing time in epoch milliseconds. */
    long getCurrentProcessingTime();

    /**
     * Runs {@code callback} on the task's thread once the clock reached {@code time} (at once,
     * through the mailbox, if it already has). Callbacks still pending when the task ends are
     * dropped.
     */
    void registerTimer(long time, ProcessingTimeCallback callback);
}
