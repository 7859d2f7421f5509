package io.weir.api.windowing.evictors;

import io.weir.api.operators.windowing.TimestampedValue;
import io.weir.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window when it fires, before and/or after the window function runs.
 * Elements are removed through the iterator of {@code elements}. A window with an evictor keeps
 * all its elements (no incremental aggregation), since any of them may be evicted.
 *
 * <p>Threading: called on the task's thread only.
 */
public interface Evictor<T, W extends Window> extends Serializable {
    /** Called before the window function; {@code size} is the number of elements. */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Called after the window function; {@code size} is the number of elements. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor can ask the operator. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
