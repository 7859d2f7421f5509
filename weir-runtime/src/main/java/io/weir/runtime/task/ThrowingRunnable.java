package io.weir.runtime.task;

/** An action for the mailbox; it may throw, which fails the task. */
@FunctionalInterface
public interface ThrowingRunnable {
    void run() throws Exception;
}
