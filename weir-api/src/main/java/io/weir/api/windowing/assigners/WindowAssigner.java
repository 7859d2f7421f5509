package io.weir.api.windowing.assigners;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element into zero or more windows. Called once per element on the task's thread; the
 * windows it returns are compared by value, so equal windows of one key share their contents.
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The windows {@code element} with the given timestamp belongs to. */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used when the program sets none. */
    public abstract Trigger<T, W> getDefaultTrigger();

    public abstract TypeSerializer<W> getWindowSerializer(ExecutionConfig executionConfig);

    /** Whether windows are based on event time (then a record without timestamp is an error). */
    public abstract boolean isEventTime();

    /** What an assigner can ask the operator while assigning. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }
}
