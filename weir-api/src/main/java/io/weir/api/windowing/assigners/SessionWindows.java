package io.weir.api.windowing.assigners;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;

/**
 * Sessions by either time, with a fixed or a per-element gap: each element opens the window
 * {@code [time, time + gap)}, and windows of a key that overlap or touch merge into one. What the
 * four session assigners share; each says only where its gap comes from.
 */
abstract class SessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final WindowTime time;

    SessionWindows(WindowTime time) {
        this.time = time;
    }

    /** The gap after {@code element} in milliseconds. */
    abstract long gapAfter(T element);

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long start = time.of(timestamp, context, this);
        long gap = gapAfter(element);
        if (gap <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the session gap must be positive,"
                    + " but the gap extractor returned " + gap + " ms.");
        }
        return List.of(new TimeWindow(start, start + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback::merge);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) time.defaultTrigger();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return TimeWindow.Serializer.INSTANCE;
    }

    @Override
    public boolean isEventTime() {
        return time.isEventTime();
    }
}
