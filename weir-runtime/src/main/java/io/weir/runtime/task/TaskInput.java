package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;

/**
 * Where a task's records come from: the exchanges of its input edges, or its source reader.
 *
 * <p>Threading: used by the task's thread only.
 */
interface TaskInput {
    /** Binds the input to the task: the wake-up to signal when data arrives, the mailbox to yield to. */
    void start(TaskWakeup wakeup, Mailbox mailbox) throws Exception;

    /**
     * Processes available input, returning early when mail arrives. NOTHING_AVAILABLE means the task
     * may sleep until woken; END_OF_INPUT that all input has ended.
     */
    InputStatus processInput() throws Exception;

    /**
     * Reads no new input until {@link #resume()}: a source task whose stop-with-savepoint barrier went
     * out. Inputs fed by other tasks ignore it (their producers stopped).
     */
    default void suspend() {}

    default void resume() {}

    /** The exchanges this input reads, or {@code null} for a source. */
    default NetworkInput network() {
        return null;
    }

    /** Releases buffers held (on cancellation or failure). */
    void release();
}
