package io.weir.api.windowing.assigners;

import io.weir.api.functions.ClosureCleaner;
import java.util.Objects;

/** Event-time sessions whose gap after each element comes from a {@link SessionWindowTimeGapExtractor}. */
public class DynamicEventTimeSessionWindows<T> extends SessionWindows<T> {
    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

    protected DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        super(WindowTime.EVENT_TIME);
        this.sessionWindowTimeGapExtractor = ClosureCleaner.clean(
                Objects.requireNonNull(sessionWindowTimeGapExtractor, "gap extractor"));
    }

    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicEventTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    long gapAfter(T element) {
        return sessionWindowTimeGapExtractor.extract(element);
    }

    @Override
    public String toString() {
        return "DynamicEventTimeSessionWindows()";
    }
}
