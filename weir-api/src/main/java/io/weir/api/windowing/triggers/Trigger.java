package io.weir.api.windowing.triggers;

import io.weir.api.state.MergingState;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated and when its contents are dropped. The window operator calls
 * it for every element added to a window and for every timer the trigger registered, always with
 * the element's key in scope; the {@link TriggerResult} says what to do with that window.
 *
 * <p>State a trigger keeps must live in {@link TriggerContext#getPartitionedState} (scoped to the
 * key and the window), never in fields: one trigger instance serves all keys and windows of a
 * subtask. Everything a trigger registers for a window (timers, state) must be undone in
 * {@link #clear}, which the operator calls when it drops the window.
 *
 * <p>Threading: called on the task's thread only.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Called for every element added to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** Called when a processing-time timer registered through {@code ctx} fires. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Called when an event-time timer registered through {@code ctx} fires. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether this trigger can be used with merging windows (sessions); if so it implements {@link #onMerge}. */
    public boolean canMerge() {
        return false;
    }

    /**
     * Called when windows were merged into {@code window}: the trigger merges its state
     * ({@link OnMergeContext#mergePartitionedState}) and registers the timers the merged window needs.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows:"
                + " use a trigger whose canMerge() is true with session windows.");
    }

    /** Removes everything this trigger keeps for {@code window}: its timers and state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger can use: time, timers and state, all scoped to the current key and window. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        /** The current watermark, {@code Long.MIN_VALUE} before the first. */
        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State scoped to the current key and window. */
        <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }

    /** The context of {@link #onMerge}: can also merge the state of the windows being merged. */
    public interface OnMergeContext extends TriggerContext {
        /** Merges the state of the merged windows into the state of the resulting window. */
        <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }
}
