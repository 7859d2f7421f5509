package io.weir.runtime.task;

/**
 * An operator that batches what it emits outside the exchanges (such as the collect sink); the task
 * calls {@link #flushBuffered()} on each buffer timeout, so results never wait longer than that.
 */
public interface BufferingOperator {
    void flushBuffered() throws Exception;
}
