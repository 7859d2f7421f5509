package io.weir.api.connector.sink;

import io.weir.api.eventtime.Watermark;
import java.io.IOException;

/**
 * Writes the elements of one subtask.
 *
 * <p>Threading: every method is called from the task's thread.
 */
public interface SinkWriter<InputT> extends AutoCloseable {
    void write(InputT element, Context context) throws IOException, InterruptedException;

    /**
     * Called with each watermark the sink's input advances to, in order with the elements, for
     * writers that pass watermarks on to the system they write to. Does nothing unless overridden.
     */
    default void writeWatermark(Watermark watermark) throws IOException, InterruptedException {}

    /** Writes out anything buffered; {@code endOfInput} is true once, after the last element. */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    /** What the writer can see beside the element. */
    interface Context {
        long currentWatermark();

        /** The element's event timestamp, or {@code null} if it has none. */
        Long timestamp();
    }
}
