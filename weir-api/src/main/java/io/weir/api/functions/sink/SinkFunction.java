package io.weir.api.functions.sink;

import io.weir.api.functions.Function;
import io.weir.api.operators.Watermark;
import java.io.Serializable;

/**
 * A sink written as one function called for each element. Add it to a stream with
 * {@code stream.addSink(function)}.
 *
 * <p>Threading: all methods are called on the task's thread, never concurrently.
 *
 * @param <IN> the type of the elements written
 */
public interface SinkFunction<IN> extends Function, Serializable {
    /** Writes one element; implement this or {@link #invoke(Object, Context)}. */
    default void invoke(IN value) throws Exception {}

    /** Writes one element. The context tells its timestamp and the current watermark. Calls {@link #invoke(Object)} unless overridden. */
    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    /** The watermark has advanced to {@code watermark}. */
    default void writeWatermark(Watermark watermark) throws Exception {}

    /** The input has ended and every element was written: flush what is buffered. Not called on cancel or failure. */
    default void finish() throws Exception {}

    /** What a sink function knows about the element being written. */
    interface Context {
        /** The current processing time, in milliseconds since the epoch. */
        long currentProcessingTime();

        /** The current watermark of the sink's input, {@code Long.MIN_VALUE} before the first. */
        long currentWatermark();

        /** The element's event timestamp, or {@code null} if it has none. */
        Long timestamp();
    }
}
