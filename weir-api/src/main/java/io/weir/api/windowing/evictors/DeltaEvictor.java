package io.weir.api.windowing.evictors;

import io.weir.api.functions.windowing.delta.DeltaFunction;
import io.weir.api.operators.windowing.TimestampedValue;
import io.weir.api.windowing.windows.Window;
import java.util.Iterator;
import java.util.Objects;

/**
 * Evicts the elements whose delta to the newest element (the last added) is at least
 * {@code threshold}, as computed by a {@link DeltaFunction}.
 */
public final class DeltaEvictor<T, W extends Window> implements Evictor<T, W> {
    private static final long serialVersionUID = 1L;

    private final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final boolean doEvictAfter;

    private DeltaEvictor(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "delta function");
        this.threshold = threshold;
        this.doEvictAfter = doEvictAfter;
    }

    /** Evicts before the window function runs. */
    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
        return new DeltaEvictor<>(threshold, deltaFunction, false);
    }

    /** Evicts after the window function runs if {@code doEvictAfter}, else before. */
    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction,
            boolean doEvictAfter) {
        return new DeltaEvictor<>(threshold, deltaFunction, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<T>> elements) {
        TimestampedValue<T> newest = null;
        for (TimestampedValue<T> element : elements) {
            newest = element;
        }
        if (newest == null) {
            return;
        }
        for (Iterator<TimestampedValue<T>> it = elements.iterator(); it.hasNext(); ) {
            if (deltaFunction.getDelta(it.next().getValue(), newest.getValue()) >= threshold) {
                it.remove();
            }
        }
    }

    public double getThreshold() {
        return threshold;
    }

    @Override
    public String toString() {
        return "DeltaEvictor(" + threshold + ")";
    }
}
