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
    /** The windows last assigned, handed out again while elements fall into the same windows. */
    private transient Assignment last;

    SlidingWindows(long size, long slide, long offset, WindowTime time) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.time = time;
    }

    /**
     * The windows containing the element's time, latest start first, as an unmodifiable list.
     *
     * <p>Consecutive elements mostly fall into the same {@code size / slide} windows (time moves
     * on by far less than a slide between elements), so the list of the previous call is returned
     * again while it is the answer: no window objects and no list are made per element, and the
     * operator's state and timer lookups find identical window objects, which compare without
     * reading their fields. The cache holds one immutable {@link Assignment}, so an assigner used
     * by several threads at once still answers each correctly.
     */
    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = time.of(timestamp, context, this);
        long lastStart = TimeWindow.getWindowStartWithOffset(now, offset, slide);
        Assignment cached = last;
        if (cached != null && cached.holds(lastStart, now - size, slide)) {
            return cached.windows;
        }
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long start = lastStart;
        for (; start > now - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        if (windows.isEmpty()) {
            return List.of();
        }
        Assignment assignment = new Assignment(lastStart, start + slide, List.copyOf(windows));
        last = assignment;
        return assignment.windows;
    }

    /**
     * The windows of the elements whose time has latest window start {@code lastStart} and whose
     * earliest window starts at {@code earliestStart}: the windows the loop above makes start at
     * {@code lastStart} and go back while a start is after {@code now - size}.
     */
    private record Assignment(long lastStart, long earliestStart, List<TimeWindow> windows) {
        /** Whether an element of this latest start and {@code now - size} gets the same windows. */
        boolean holds(long otherLastStart, long nowMinusSize, long slide) {
            return otherLastStart == lastStart && earliestStart > nowMinusSize && earliestStart - slide <= nowMinusSize;
        }
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
