package io.weir.api.windowing.assigners;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size, non-overlapping windows {@code [offset + k*size, offset + (k+1)*size)} by either
 * time: what {@link TumblingEventTimeWindows} and {@link TumblingProcessingTimeWindows} share.
 */
abstract class TumblingWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;
    private final WindowTime time;
    /** The window last assigned (as a one-element list), handed out again while elements fall into it. */
    private transient List<TimeWindow> last;

    TumblingWindows(long size, long offset, WindowTime time) {
        this.size = size;
        this.offset = offset;
        this.time = time;
    }

    /**
     * The window containing the element's time, as an unmodifiable list. The list of the previous
     * call is returned again while elements fall into the same window, as consecutive elements
     * mostly do: no window object and no list per element, and identical window objects for the
     * operator's state and timer lookups. The cached list is immutable, so sharing the assigner
     * between threads stays correct.
     */
    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long start = TimeWindow.getWindowStartWithOffset(time.of(timestamp, context, this), offset, size);
        List<TimeWindow> cached = last;
        if (cached != null && cached.get(0).getStart() == start) {
            return cached;
        }
        List<TimeWindow> window = List.of(new TimeWindow(start, start + size));
        last = window;
        return window;
    }

    public long getSize() {
        return size;
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return time.defaultTrigger();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return TimeWindow.Serializer.INSTANCE;
    }

    @Override
    public boolean isEventTime() {
        return time.isEventTime();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + size + ")";
    }
}
