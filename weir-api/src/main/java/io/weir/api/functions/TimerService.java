package io.weir.api.functions;

/**
 * Time and timers as a process function sees them. Timers are scoped to the current key: there is
 * at most one timer per (key, timestamp) and domain, so registering the same time twice fires
 * once, and deleting a timer that does not exist does nothing. A timer fires by calling the
 * function's {@code onTimer}, with its key as the current key, never concurrently with
 * {@code processElement}.
 *
 * <p>Timers need a keyed stream: on a non-keyed stream the clocks can be read, but registering or
 * deleting a timer throws {@link UnsupportedOperationException}.
 */
public interface TimerService {
    /** Message of the exception thrown when registering a timer on a non-keyed stream. */
    String UNSUPPORTED_REGISTER_TIMER_MSG =
            "Timers can only be registered on a keyed stream: call keyBy(...) and use a KeyedProcessFunction.";

    /** Message of the exception thrown when deleting a timer on a non-keyed stream. */
    String UNSUPPORTED_DELETE_TIMER_MSG =
            "Timers can only be deleted on a keyed stream: call keyBy(...) and use a KeyedProcessFunction.";

    /** The task's processing time in epoch milliseconds. */
    long currentProcessingTime();

    /** The operator's current watermark, {@code Long.MIN_VALUE} before the first. */
    long currentWatermark();

    /** Fires {@code onTimer} once processing time reaches {@code time}. */
    void registerProcessingTimeTimer(long time);

    /** Fires {@code onTimer} once the watermark reaches {@code time}. */
    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
