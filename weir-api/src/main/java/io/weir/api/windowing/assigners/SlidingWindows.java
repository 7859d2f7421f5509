package io.weir.api.windowing.assigners;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Windows of a fixed size that start every {@code slide}, aligned to {@code offset}, by either
 * time: what {@link SlidingEventTimeWindows} and {@link SlidingProcessingTimeWindows} share.
 */
abstract class SlidingWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;
    private final WindowTime time;

    SlidingWindows(long size, long slide, long offset, WindowTime time) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.time = time;
    }

    /** The windows containing the element's time, latest start first. */
    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = time.of(timestamp, context, this);
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(now, offset, slide);
        for (long start = lastStart; start > now - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    public long getSize() {
        return size;
    }

    public long getSlide() {
        return slide;
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
        return getClass().getSimpleName() + "(" + size + ", " + slide + ")";
    }
}
