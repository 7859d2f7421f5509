package io.weir.runtime.metrics;

import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.View;
import java.util.function.LongSupplier;

/**
 * Milliseconds per second spent in some state (idle, back-pressured) over the last update
 * interval, from a running total of nanoseconds, between 0 and 1000.
 *
 * <p>Threading: {@link #update} on the registry's thread, {@link #getValue} from any thread.
 */
public final class TimeMsPerSecond implements Gauge<Long>, View {
    private final LongSupplier totalNanos;
    private long lastTotal;
    private long lastTime;
    private volatile long value;

    public TimeMsPerSecond(LongSupplier totalNanos) {
        this.totalNanos = totalNanos;
        this.lastTotal = totalNanos.getAsLong();
        this.lastTime = System.nanoTime();
    }

    @Override
    public void update() {
        long total = totalNanos.getAsLong();
        long now = System.nanoTime();
        long elapsed = now - lastTime;
        if (elapsed > 0) {
            value = Math.max(0, Math.min(1000, Math.round((total - lastTotal) * 1000.0 / elapsed)));
        }
        lastTotal = total;
        lastTime = now;
    }

    @Override
    public Long getValue() {
        return value;
    }
}
