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
 * <p><b>Threading.</b> {@code run} is called on a thread of its own, not the task's. Each emit runs
 * the operators chained after the source on that thread, holding the checkpoint lock, and returns
 * when they are done with the element: the function may then change the object it emitted and emit
 * it again. Emitting blocks while the task is backpressured. The task's thread runs timers, buffer
 * flushes and checkpoints holding the same lock, between two emits. {@code cancel} is called from
 * another thread while {@code run} is running, so the flag it sets must be volatile; if {@code run}
 * does not return soon after, its thread is interrupted. A function that does not implement {@link ParallelSourceFunction} runs with
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
         * The checkpoint lock: each emit holds it, and so does the task's thread while it runs
         * timers, flushes and checkpoints. Hold it around an emit and the state change that goes
         * with it, so that a checkpoint falls before or after both; do not hold it while waiting for
         * input, or the task's timers and flushes wait too.
         */
        Object getCheckpointLock();

        /** Called by the runtime when the source ends; functions need not call it. */
        void close();
    }
}
