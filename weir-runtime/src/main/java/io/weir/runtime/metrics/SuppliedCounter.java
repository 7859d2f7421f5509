package io.weir.runtime.metrics;

import io.weir.api.metrics.Counter;
import java.util.function.LongSupplier;

/**
 * A {@link Counter} whose count lives elsewhere, in a plain field the hot path increments (records
 * a task read, bytes it wrote): the metric reads the field, the hot path never touches the metric.
 * Read-only: incrementing it is a programming error.
 */
public final class SuppliedCounter implements Counter {
    private final LongSupplier count;

    public SuppliedCounter(LongSupplier count) {
        this.count = count;
    }

    @Override
    public long getCount() {
        return count.getAsLong();
    }

    @Override
    public void inc() {
        throw readOnly();
    }

    @Override
    public void inc(long n) {
        throw readOnly();
    }

    @Override
    public void dec() {
        throw readOnly();
    }

    @Override
    public void dec(long n) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("This counter reads a count kept by the runtime; it cannot be changed");
    }
}
