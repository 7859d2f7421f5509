package io.weir.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Watermarks for events that arrive at most a fixed time out of order: periodically emits the
 * highest timestamp seen minus that bound minus 1, so an event exactly {@code outOfOrderness}
 * behind the highest one is still on time. Emits nothing before the first event.
 */
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("The out-of-orderness bound must not be negative: " + maxOutOfOrderness);
        }
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
        // start so that the first periodic emit before any event gives Long.MIN_VALUE, not an underflow
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
    }
}
