package io.weir.api.windowing.assigners;

import java.time.Duration;

/**
 * Processing-time windows of a fixed size that start every {@code slide}, aligned to {@code offset}:
 * an element belongs to {@code size / slide} windows (rounded up where they do not divide).
 */
public class SlidingProcessingTimeWindows extends SlidingWindows {
    private static final long serialVersionUID = 1L;

    protected SlidingProcessingTimeWindows(long size, long slide, long offset) {
        super(size, slide, offset, WindowTime.PROCESSING_TIME);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        long s = WindowSizes.positive(size, "SlidingProcessingTimeWindows size");
        long sl = WindowSizes.positive(slide, "SlidingProcessingTimeWindows slide");
        return new SlidingProcessingTimeWindows(s, sl, WindowSizes.offset(offset, sl, "SlidingProcessingTimeWindows"));
    }
}
