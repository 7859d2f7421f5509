package io.weir.api.metrics;

/**
 * A {@link Counter} in a plain {@code long} field: as cheap as counting gets. Not safe for
 * several writing threads; reporters reading it from another thread see a recent value.
 */
public class SimpleCounter implements Counter {
    private long count;

    @Override
    public void inc() {
        count++;
    }

    @Override
    public void inc(long n) {
        count += n;
    }

    @Override
    public void dec() {
        count--;
    }

    @Override
    public void dec(long n) {
        count -= n;
    }

    @Override
    public long getCount() {
        return count;
    }
}
