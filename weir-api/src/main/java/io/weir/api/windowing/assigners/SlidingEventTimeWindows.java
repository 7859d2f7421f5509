package io.weir.api.windowing.assigners;

import java.time.Duration;

/**
 * Event-time windows of a fixed size that start every {@code slide}, aligned to {@code offset}:
 * an element belongs to {@code size / slide} windows (rounded up where they do not divide).
 */
public class SlidingEventTimeWindows extends SlidingWindows {
    private static final long serialVersionUID = 1L;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset, WindowTime.EVENT_TIME);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        long s = WindowSizes.positive(size, "SlidingEventTimeWindows size");
        long sl = WindowSizes.positive(slide, "SlidingEventTimeWindows slide");
        return new SlidingEventTimeWindows(s, sl, WindowSizes.offset(offset, sl, "SlidingEventTimeWindows"));
    }
}
