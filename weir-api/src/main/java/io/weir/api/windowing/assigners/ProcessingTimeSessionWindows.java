package io.weir.api.windowing.assigners;

import java.time.Duration;

/**
 * Processing-time sessions: each element opens the window {@code [time, time + gap)}, and windows of a
 * key that overlap or touch merge into one, so a session ends after {@code gap} without elements.
 */
public class ProcessingTimeSessionWindows extends SessionWindows<Object> {
    private static final long serialVersionUID = 1L;

    private final long sessionTimeout;

    protected ProcessingTimeSessionWindows(long sessionTimeout) {
        super(WindowTime.PROCESSING_TIME);
        this.sessionTimeout = sessionTimeout;
    }

    public static ProcessingTimeSessionWindows withGap(Duration size) {
        return new ProcessingTimeSessionWindows(WindowSizes.positive(size, "ProcessingTimeSessionWindows gap"));
    }

    /** Sessions whose gap after each element is computed from the element. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(sessionWindowTimeGapExtractor);
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
        return "ProcessingTimeSessionWindows(" + sessionTimeout + ")";
    }
}
