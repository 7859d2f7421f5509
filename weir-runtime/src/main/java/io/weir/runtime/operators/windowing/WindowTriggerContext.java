package io.weir.runtime.operators.windowing;

import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.state.MergingState;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.state.InternalMergingState;
import java.util.Collection;

/**
 * The trigger's view of one (key, window) at a time: the window operator points it at a window
 * of the backend's current key with {@link #set} and then calls the trigger through it. Trigger state lives in the namespace of
 * the window itself (not its state window), so merging windows merge it explicitly in
 * {@link Trigger#onMerge}. One instance per operator; threading: the task's thread only.
 */
final class WindowTriggerContext<K, W extends Window> implements Trigger.OnMergeContext {
    private final KeyedStateBackend<K> backend;
    private final InternalTimerService<W> timerService;
    private final Trigger<Object, W> trigger;
    private final NamespacedStateStore windowStates;
    private final TypeSerializer<W> windowSerializer;
    private final KnownCleanupTimers knownCleanupTimers;
    /** Whether cleanup timers are event-time timers (else processing-time ones). */
    private final boolean eventTimeCleanup;
    private W window;
    /** Whether the current window's cleanup timer, at {@link #cleanupTime}, is known to be registered. */
    private boolean cleanupTimerKnown;
    private long cleanupTime;
    private Collection<W> mergedWindows;

    WindowTriggerContext(KeyedStateBackend<K> backend, InternalTimerService<W> timerService,
            TypeSerializer<W> windowSerializer, Trigger<Object, W> trigger, KnownCleanupTimers knownCleanupTimers,
            boolean eventTimeCleanup) {
        this.backend = backend;
        this.timerService = timerService;
        this.trigger = trigger;
        this.windowStates = new NamespacedStateStore(backend, windowSerializer, null);
        this.windowSerializer = windowSerializer;
        this.knownCleanupTimers = knownCleanupTimers;
        this.eventTimeCleanup = eventTimeCleanup;
    }

    /**
     * Points the context at {@code window} of the backend's current key. The same window as before
     * is not stored again: a reference stored into this long-lived object costs a write barrier.
     */
    void set(W window) {
        if (this.window != window) {
            this.window = window;
            windowStates.setNamespace(window);
        }
        this.cleanupTimerKnown = false;
    }

    /**
     * The current window's cleanup timer, at {@code time}, is registered: registering a timer of
     * the cleanup time domain at that time is skipped until the next {@link #set} or a deletion.
     */
    void cleanupTimerKnown(long time) {
        this.cleanupTimerKnown = true;
        this.cleanupTime = time;
    }

    /** The key whose window the context is at: the backend's current key. */
    K key() {
        return backend.getCurrentKey();
    }

    TriggerResult onElement(Object element, long timestamp) throws Exception {
        return trigger.onElement(element, timestamp, window, this);
    }

    TriggerResult onEventTime(long time) throws Exception {
        return trigger.onEventTime(time, window, this);
    }

    TriggerResult onProcessingTime(long time) throws Exception {
        return trigger.onProcessingTime(time, window, this);
    }

    void onMerge(Collection<W> mergedWindows) throws Exception {
        this.mergedWindows = mergedWindows;
        try {
            trigger.onMerge(window, this);
        } finally {
            this.mergedWindows = null;
        }
    }

    void clear() throws Exception {
        trigger.clear(window, this);
    }

    @Override
    public long getCurrentProcessingTime() {
        return timerService.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
        return timerService.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        if (cleanupTimerKnown && !eventTimeCleanup && time == cleanupTime) {
            return; // registered already: registering again would find it and do nothing
        }
        timerService.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        if (cleanupTimerKnown && eventTimeCleanup && time == cleanupTime) {
            return; // registered already: registering again would find it and do nothing
        }
        timerService.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timerDeleted();
        timerService.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timerDeleted();
        timerService.deleteEventTimeTimer(window, time);
    }

    /** A deleted timer may be a cleanup timer: what was known about registered ones no longer holds. */
    private void timerDeleted() {
        cleanupTimerKnown = false;
        knownCleanupTimers.forgetAll();
    }

    @Override
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor) {
        return windowStates.get(stateDescriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor) {
        if (mergedWindows == null || mergedWindows.isEmpty()) {
            return;
        }
        S state = backend.getPartitionedState(window, windowSerializer, stateDescriptor);
        if (!(state instanceof InternalMergingState)) {
            throw new UnsupportedOperationException("The state '" + stateDescriptor.getName() + "' of trigger "
                    + trigger + " cannot be merged: only list, reducing and aggregating state can.");
        }
        try {
            ((InternalMergingState<W>) state).mergeNamespaces(window, mergedWindows);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Merging the state '" + stateDescriptor.getName() + "' of trigger "
                    + trigger + " into " + window + " failed.", e);
        }
    }
}
