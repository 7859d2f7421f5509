package io.weir.api.windowing.assigners;

import io.weir.api.functions.ClosureCleaner;
import java.util.Objects;

/** Processing-time sessions whose gap after each element comes from a {@link SessionWindowTimeGapExtractor}. */
public class DynamicProcessingTimeSessionWindows<T> extends SessionWindows<T> {
    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

    protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        super(WindowTime.PROCESSING_TIME);
        this.sessionWindowTimeGapExtractor = ClosureCleaner.clean(
                Objects.requireNonNull(sessionWindowTimeGapExtractor, "gap extractor"));
    }

    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    long gapAfter(T element) {
        return sessionWindowTimeGapExtractor.extract(element);
    }

    @Override
    public String toString() {
        return "DynamicProcessingTimeSessionWindows()";
    }
}
