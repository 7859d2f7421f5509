package io.weir.api.functions.source;

import io.weir.api.functions.Function;
import io.weir.api.operators.Watermark;
import java.io.Serializable;

/**
 * A source written as one function that produces elements in a loop: {@link #run} emits through the
 * {@link SourceContext} until the input ends or {@link #cancel()} is called.
 *
 * <pre>{@code
 * public class Counter implements SourceFunction<Long> {
 *     private volatile boolean running = true;
 *
 *     public void run(SourceContext<Long> ctx) {
 *         for (long i = 0; running && i < 1000; i++) {
 *             ctx.collect(i);
 *         }
 *     }
 *
 *     public void cancel() {
 *         running = false;
 *     }
 * }
 * }</pre>
 *
 * <p><b>Threading.</b> {@code run} is called on a thread of its own, not the task's: emitting hands
 * the elements to the task, which processes them in order. Emitting blocks while the task is
 * backpressured. {@code cancel} is called from another thread while {@code run} is running, so the
 * flag it sets must be volatile; if {@code run} does not return soon after, its thread is
 * interrupted. A function that does not implement {@link ParallelSourceFunction} runs with
 * parallelism 1.
 *
 * <p>When {@code run} returns the stream ends, with the final watermark
 * {@link Watermark#MAX_WATERMARK}. An exception thrown by {@code run} fails the job.
 *
 * @param <T> the type of the elements produced
 */
public interface SourceFunction<T> extends Function, Serializable {
    /** Produces the elements; returning ends the stream. */
    void run(SourceContext<T> ctx) throws Exception;

    /** Asks {@link #run} to return; called from another thread. */
    void cancel();

    /** Where a source function emits elements and watermarks. */
    interface SourceContext<T> {
        /** Emits an element without a timestamp. */
        void collect(T element);

        /** Emits an element with an event timestamp (milliseconds). */
        void collectWithTimestamp(T element, long timestamp);

        /** Declares that no element with a timestamp at or below the watermark's will follow. */
        void emitWatermark(Watermark mark);

        /**
         * Says that this source emits nothing for a while: it stops holding back the watermark
         * downstream until it emits a record or watermark again.
         */
        void markAsTemporarilyIdle();

        /**
         * An object to synchronize on for code written for Flink, where state updates and emitting
         * happen under this lock. Weir does not need it (the function's elements are handed to the
         * task in order and its state is not shared with the task's thread) but returns a real,
         * per-subtask object, so {@code synchronized (ctx.getCheckpointLock())} works unchanged.
         */
        Object getCheckpointLock();

        /** Called by the runtime when the source ends; functions need not call it. */
        void close();
    }
}
