package io.weir.api.windowing.assigners;

import java.time.Duration;

/**
 * Fixed-size, non-overlapping event-time windows {@code [offset + k*size, offset + (k+1)*size)}.
 * With size one hour and offset 15 minutes, windows run from :15 to :15.
 */
public class TumblingEventTimeWindows extends TumblingWindows {
    private static final long serialVersionUID = 1L;

    protected TumblingEventTimeWindows(long size, long offset) {
        super(size, offset, WindowTime.EVENT_TIME);
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        long s = WindowSizes.positive(size, "TumblingEventTimeWindows size");
        return new TumblingEventTimeWindows(s, WindowSizes.offset(offset, s, "TumblingEventTimeWindows"));
    }
}
