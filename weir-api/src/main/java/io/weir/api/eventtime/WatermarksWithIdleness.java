package io.weir.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Wraps a generator and marks its input idle when no event arrived for the idle timeout, measured
 * on the input-activity clock at periodic emits. The next event makes the input active again.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutMillis;
    private final RelativeClock clock;
    private long eventsSinceCheck;
    /** Clock time since which no event arrived, or -1 while events arrive. */
    private long quietSince = -1;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, RelativeClock clock) {
        this.watermarks = Objects.requireNonNull(watermarks, "watermarks");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("The idle timeout must be positive: " + idleTimeout);
        }
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        eventsSinceCheck++;
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (eventsSinceCheck > 0) {
            eventsSinceCheck = 0;
            quietSince = -1;
            watermarks.onPeriodicEmit(output);
            return;
        }
        long now = clock.relativeTimeMillis();
        if (quietSince < 0) {
            quietSince = now;
        }
        if (now - quietSince >= idleTimeoutMillis) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
