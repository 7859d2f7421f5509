package io.weir.api.windowing.assigners;

import java.time.Duration;

/**
 * Event-time sessions: each element opens the window {@code [time, time + gap)}, and windows of a
 * key that overlap or touch merge into one, so a session ends after {@code gap} without elements.
 */
public class EventTimeSessionWindows extends SessionWindows<Object> {
    private static final long serialVersionUID = 1L;

    private final long sessionTimeout;

    protected EventTimeSessionWindows(long sessionTimeout) {
        super(WindowTime.EVENT_TIME);
        this.sessionTimeout = sessionTimeout;
    }

    public static EventTimeSessionWindows withGap(Duration size) {
        return new EventTimeSessionWindows(WindowSizes.positive(size, "EventTimeSessionWindows gap"));
    }

    /** Sessions whose gap after each element is computed from the element. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicEventTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    long gapAfter(Object element) {
        return sessionTimeout;
    }

    public long getGap() {
        return sessionTimeout;
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + sessionTimeout + ")";
    }
}
