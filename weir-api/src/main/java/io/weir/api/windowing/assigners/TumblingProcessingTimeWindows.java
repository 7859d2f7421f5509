package io.weir.api.windowing.assigners;

import java.time.Duration;

/**
 * Fixed-size, non-overlapping processing-time windows (by the clock of the machine processing each
 * element) {@code [offset + k*size, offset + (k+1)*size)}. With size one hour and offset 15
 * minutes, windows run from :15 to :15.
 */
public class TumblingProcessingTimeWindows extends TumblingWindows {
    private static final long serialVersionUID = 1L;

    protected TumblingProcessingTimeWindows(long size, long offset) {
        super(size, offset, WindowTime.PROCESSING_TIME);
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        long s = WindowSizes.positive(size, "TumblingProcessingTimeWindows size");
        return new TumblingProcessingTimeWindows(s, WindowSizes.offset(offset, s, "TumblingProcessingTimeWindows"));
    }
}
