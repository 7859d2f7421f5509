package io.weir.api.eventtime;

/**
 * Makes watermarks from the events of one input (one source split, or one subtask of a stream
 * that {@code assignTimestampsAndWatermarks} was called on). Either per event in {@link #onEvent}
 * (punctuated) or in {@link #onPeriodicEmit}, which the runtime calls every
 * {@code ExecutionConfig.getAutoWatermarkInterval()} milliseconds of processing time.
 *
 * <p>Threading: called from the task's thread only.
 */
public interface WatermarkGenerator<T> {
    /** Called for every event, with the timestamp the timestamp assigner gave it. */
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called periodically; generators that emit per event may do nothing here. */
    void onPeriodicEmit(WatermarkOutput output);
}
