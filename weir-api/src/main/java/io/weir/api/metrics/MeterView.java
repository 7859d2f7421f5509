package io.weir.api.metrics;

/**
 * A {@link Meter} that derives its rate from a {@link Counter}: at each update it remembers the
 * count, and the rate is the growth over the last {@code timeSpanInSeconds} divided by that span.
 * Marking an event only increments the counter, so the hot path pays a field increment.
 *
 * <p>Threading: {@link #markEvent} on the counter's owner thread; {@link #update} on the metric
 * system's thread; {@link #getRate} from any thread (the rate is a volatile double).
 */
public class MeterView implements Meter, View {
    private final Counter counter;
    private final long[] counts;
    private int next; // slot of the next count; the slot after it holds the oldest
    private volatile double rate;

    /** A meter over its own counter, with a time span of 60 seconds. */
    public MeterView(int timeSpanInSeconds) {
        this(new SimpleCounter(), timeSpanInSeconds);
    }

    /** A meter over {@code counter}, with a time span of 60 seconds. */
    public MeterView(Counter counter) {
        this(counter, 60);
    }

    /**
     * @param timeSpanInSeconds rounded up to a multiple of the update interval, and at least one
     *     interval
     */
    public MeterView(Counter counter, int timeSpanInSeconds) {
        this.counter = counter;
        int intervals = Math.max(1, (timeSpanInSeconds + UPDATE_INTERVAL_SECONDS - 1) / UPDATE_INTERVAL_SECONDS);
        this.counts = new long[intervals + 1];
    }

    @Override
    public void markEvent() {
        counter.inc();
    }

    @Override
    public void markEvent(long n) {
        counter.inc(n);
    }

    @Override
    public long getCount() {
        return counter.getCount();
    }

    @Override
    public double getRate() {
        return rate;
    }

    /** Takes the counter's value now; the rate covers the updates within the time span. */
    @Override
    public void update() {
        update(UPDATE_INTERVAL_SECONDS * 1000L);
    }

    /**
     * Like {@link #update()}, for a metric system that updates views every {@code intervalMillis}
     * instead of every {@link #UPDATE_INTERVAL_SECONDS} seconds.
     */
    public void update(long intervalMillis) {
        long now = counter.getCount();
        counts[next] = now;
        next = (next + 1) % counts.length;
        long earliest = counts[next];
        rate = (now - earliest) * 1000.0 / (intervalMillis * (counts.length - 1));
    }
}
