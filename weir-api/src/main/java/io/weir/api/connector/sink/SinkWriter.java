package io.weir.api.connector.sink;

import java.io.IOException;

/**
 * Writes the elements of one subtask.
 *
 * <p>Threading: every method is called from the task's thread.
 */
public interface SinkWriter<InputT> extends AutoCloseable {
    void write(InputT element, Context context) throws IOException, InterruptedException;

    /** Writes out anything buffered; {@code endOfInput} is true once, after the last element. */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    /** What the writer can see beside the element. */
    interface Context {
        long currentWatermark();

        /** The element's event timestamp, or {@code null} if it has none. */
        Long timestamp();
    }
}
