package io.weir.api.eventtime;

/** Generates no watermarks: event time does not advance (until the end of a bounded input). */
public final class NoWatermarksGenerator<E> implements WatermarkGenerator<E> {
    @Override
    public void onEvent(E event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}
