package io.weir.api.windowing.evictors;

import io.weir.api.operators.windowing.TimestampedValue;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements of the last {@code windowSize} of event time, counted back from the newest
 * element's timestamp: elements at or before {@code newest - windowSize} are evicted. Elements
 * without timestamps are never evicted.
 */
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        if (windowSize < 0) {
            throw new IllegalArgumentException("TimeEvictor.of(" + windowSize + " ms): the size must not be negative.");
        }
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    /** Evicts before the window function runs. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    /** Evicts after the window function runs if {@code doEvictAfter}, else before. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long newest = Long.MIN_VALUE;
        boolean anyTimestamp = false;
        for (TimestampedValue<Object> element : elements) {
            if (element.hasTimestamp()) {
                newest = Math.max(newest, element.getTimestamp());
                anyTimestamp = true;
            }
        }
        if (!anyTimestamp) {
            return;
        }
        long cutoff = newest - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            TimestampedValue<Object> element = it.next();
            if (element.hasTimestamp() && element.getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    public long getWindowSize() {
        return windowSize;
    }
}
