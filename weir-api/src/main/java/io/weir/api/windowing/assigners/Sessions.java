package io.weir.api.windowing.assigners;

import io.weir.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;

/** What all session assigners share: one window per element, {@code [time, time + gap)}, merged when they overlap or touch. */
final class Sessions {
    private Sessions() {}

    static Collection<TimeWindow> windowFor(long time, long gap, String assigner) {
        if (gap <= 0) {
            throw new IllegalArgumentException(assigner + ": the session gap must be positive, but the gap extractor"
                    + " returned " + gap + " ms.");
        }
        return List.of(new TimeWindow(time, time + gap));
    }

    static void merge(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback::merge);
    }
}
