package io.weir.runtime.operators.windowing;

import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TimestampedCollector;
import io.weir.api.operators.Triggerable;
import io.weir.api.state.AppendingState;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.state.VoidNamespace;
import io.weir.api.transformations.WindowOperatorDescription;
import io.weir.api.transformations.WindowSpec;
import io.weir.api.types.GenericTypeInfo;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.state.InternalKvState;
import io.weir.runtime.state.InternalMergingState;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * Groups the elements of each key into windows, keeps each window's contents in keyed state whose
 * namespace is the window, and evaluates a window when its trigger fires.
 *
 * <h2>Life of a window</h2>
 * An element is added to each window the assigner gives it (for sessions, after merging the new
 * window with the key's existing ones); then the trigger decides whether to fire (call the window
 * function on the contents) and whether to purge (drop the contents). A window is dropped at its
 * cleanup time: the end of the window plus the allowed lateness in event time, the end of the
 * window in processing time. A cleanup timer is registered for that time, and dropping clears the
 * contents, the trigger's state and timers, and the function's per-window state. An element whose
 * windows are all past their cleanup time is late: it goes to the late-data side output if there
 * is one, or is dropped.
 *
 * <p>The contents are either all elements (a list) or one incrementally reduced or aggregated
 * value; in the latter case the window function sees a one-element iterable.
 *
 * <p>Threading: the task's thread only, like every operator; timers fire through the same thread.
 */
public class WindowOperator<K, IN, ACC, OUT, W extends Window>
        extends AbstractUdfStreamOperator<OUT, ProcessWindowFunction<Object, OUT, K, W>>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, W> {
    private static final long serialVersionUID = 1L;

    protected final WindowAssigner<? super IN, W> windowAssigner;
    protected final Trigger<? super IN, ? super W> trigger;
    protected final long allowedLateness;
    private final WindowSpec<IN, W> spec;
    private final StateDescriptor<? extends AppendingState<?, ACC>, ?> contentsDescriptor;
    private final boolean singleValueContents;
    /** {@code windowAssigner.isEventTime()}, read once: an interface call per element otherwise. */
    private final boolean eventTimeWindows;

    protected transient InternalTimerService<W> timerService;
    protected transient WindowTriggerContext<K, W> triggerContext;
    protected transient WindowProcessContext<K, OUT, W> processContext;
    protected transient TimestampedCollector<OUT> collector;
    private transient AppendingState<Object, ACC> contents;
    private transient InternalKvState<W> contentsNamespace;
    private transient MergingWindowSet<W> mergingWindows;
    private transient MergingWindowSet.MergeFunction<W> mergeFunction;
    private transient WindowAssigner.WindowAssignerContext assignerContext;
    private transient KnownCleanupTimers knownCleanupTimers;
    private transient long numLateRecordsDropped;

    /**
     * The window operator {@code description} describes, ignoring its evictor: a description with
     * one is run by {@link EvictingWindowOperator} (see {@code BuiltInOperators.window}).
     */
    @SuppressWarnings("unchecked")
    public WindowOperator(WindowOperatorDescription<K, IN, OUT, W> description) {
        super(cast(description.function()));
        this.spec = description.spec();
        this.windowAssigner = spec.assigner();
        this.trigger = spec.trigger();
        this.allowedLateness = spec.allowedLateness();
        this.contentsDescriptor = (StateDescriptor<? extends AppendingState<?, ACC>, ?>) description.contents();
        this.singleValueContents = description.singleValueContents();
        this.eventTimeWindows = windowAssigner.isEventTime();
    }

    @SuppressWarnings("unchecked")
    private static <OUT, K, W extends Window> ProcessWindowFunction<Object, OUT, K, W> cast(
            ProcessWindowFunction<?, OUT, K, W> function) {
        return (ProcessWindowFunction<Object, OUT, K, W>) function;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        super.open();
        KeyedStateBackend<K> backend = getKeyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException("Window operator '" + getOperatorContext().getOperatorName()
                    + "' needs a keyed input: call keyBy(...) before window(...), or use windowAll(...).");
        }
        timerService = getInternalTimerService("window-timers", spec.windowSerializer(), this);
        collector = new TimestampedCollector<>(output);
        knownCleanupTimers = new KnownCleanupTimers();
        triggerContext = new WindowTriggerContext<>(backend, timerService, spec.windowSerializer(),
                (Trigger<Object, W>) trigger, knownCleanupTimers, eventTimeWindows);
        processContext = new WindowProcessContext<>(userFunction, backend, timerService, spec.windowSerializer(),
                output, windowAssigner instanceof MergingWindowAssigner
                        ? new MergingWindowStateStore(getOperatorContext().getOperatorName()) : null);
        contents = (AppendingState<Object, ACC>) backend.getPartitionedState(VoidNamespace.INSTANCE,
                (TypeSerializer) spec.windowSerializer(), (StateDescriptor) contentsDescriptor);
        contentsNamespace = (InternalKvState<W>) contents;
        assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timerService.currentProcessingTime();
            }
        };
        if (windowAssigner instanceof MergingWindowAssigner<?, W> merging) {
            ValueStateDescriptor<HashMap<W, W>> descriptor = new ValueStateDescriptor<>("merging-window-set",
                    (GenericTypeInfo<HashMap<W, W>>) (GenericTypeInfo<?>) new GenericTypeInfo<>(HashMap.class));
            mergingWindows = new MergingWindowSet<>(merging, backend.getPartitionedState(descriptor));
            mergeFunction = this::mergeWindows;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(StreamRecord<IN> element) throws Exception {
        Collection<W> elementWindows = ((WindowAssigner<IN, W>) windowAssigner).assignWindows(element.getValue(),
                element.getTimestamp(), assignerContext);
        K key = (K) getCurrentKey();
        boolean skipped = true;
        if (mergingWindows != null) {
            mergingWindows.load();
            triggerContext.set(null);
            for (W window : elementWindows) {
                W actualWindow = mergingWindows.addWindow(window, mergeFunction);
                long cleanupTime = cleanupTime(actualWindow);
                if (isLate(cleanupTime)) {
                    mergingWindows.retireWindow(actualWindow);
                    continue;
                }
                skipped = false;
                addAndTrigger(key, element, actualWindow, mergingWindows.getStateWindow(actualWindow), cleanupTime,
                        false);
            }
            mergingWindows.persist();
        } else {
            long epoch = knownCleanupTimers.epoch();
            boolean cleanupTimersKnown = knownCleanupTimers.contains(key, elementWindows);
            boolean allAdded = true;
            for (W window : elementWindows) {
                long cleanupTime = cleanupTime(window);
                if (isLate(cleanupTime)) {
                    allAdded = false;
                    continue;
                }
                skipped = false;
                // a trigger that deleted a timer made what was known stale
                addAndTrigger(key, element, window, window, cleanupTime,
                        cleanupTimersKnown && knownCleanupTimers.epoch() == epoch);
            }
            if (allAdded && !cleanupTimersKnown) {
                knownCleanupTimers.remember(key, elementWindows, epoch);
            }
        }
        if (skipped && isElementLate(element)) {
            if (spec.lateDataOutputTag() != null) {
                output.collect(spec.lateDataOutputTag(), element);
            } else {
                numLateRecordsDropped++;
            }
        }
    }

    /**
     * Adds the element to the window's contents (kept in {@code stateWindow}) and acts on the
     * trigger's decision. {@code cleanupTime} is the window's; {@code cleanupTimerKnown}: its cleanup timer is registered (see
     * {@link KnownCleanupTimers}), so registering it again, by the trigger or here, is skipped.
     */
    private void addAndTrigger(K key, StreamRecord<IN> element, W window, W stateWindow, long cleanupTime,
            boolean cleanupTimerKnown) throws Exception {
        contentsNamespace.setCurrentNamespace(stateWindow);
        addToContents(element);
        triggerContext.set(window);
        if (cleanupTimerKnown) {
            triggerContext.cleanupTimerKnown(cleanupTime);
        }
        TriggerResult result = triggerContext.onElement(element.getValue(), element.getTimestamp());
        if (result.isFire()) {
            fire(key, window);
        }
        if (result.isPurge()) {
            purgeContents();
        }
        registerCleanupTimer(cleanupTime);
    }

    /** Session windows merged: merge trigger state, drop the merged windows' timers, move their contents. */
    private void mergeWindows(W mergeResult, Collection<W> mergedWindows, W stateWindowResult,
            Collection<W> mergedStateWindows) throws Exception {
        if (eventTimeWindows && cleanupTime(mergeResult) <= timerService.currentWatermark()) {
            throw new UnsupportedOperationException("Merging windows made " + mergeResult + ", which ends before the"
                    + " current watermark " + timerService.currentWatermark() + " (plus allowed lateness): a merging"
                    + " assigner must not move a window's end back in time.");
        }
        if (!eventTimeWindows && mergeResult.maxTimestamp() <= timerService.currentProcessingTime()) {
            throw new UnsupportedOperationException("Merging windows made " + mergeResult + ", which ends before the"
                    + " current processing time: a merging assigner must not move a window's end back in time.");
        }
        triggerContext.set(mergeResult);
        triggerContext.onMerge(mergedWindows);
        for (W merged : mergedWindows) {
            triggerContext.set(merged);
            triggerContext.clear();
            deleteCleanupTimer(merged);
        }
        if (!mergedStateWindows.isEmpty()) {
            ((InternalMergingState<W>) contentsNamespace).mergeNamespaces(stateWindowResult, mergedStateWindows);
        }
    }

    @Override
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, false);
    }

    private void onTimer(InternalTimer<K, W> timer, boolean eventTime) throws Exception {
        knownCleanupTimers.forgetAll(); // the timer that fires is no longer registered
        W window = timer.getNamespace();
        K key = timer.getKey();
        if (mergingWindows != null) {
            mergingWindows.load();
            W stateWindow = mergingWindows.getStateWindow(window);
            if (stateWindow == null) {
                // The window was merged into another since the timer was set; that one has its own timers.
                return;
            }
            contentsNamespace.setCurrentNamespace(stateWindow);
        } else {
            contentsNamespace.setCurrentNamespace(window);
        }
        triggerContext.set(window);
        TriggerResult result = eventTime ? triggerContext.onEventTime(timer.getTimestamp())
                : triggerContext.onProcessingTime(timer.getTimestamp());
        if (result.isFire()) {
            fire(key, window);
        }
        if (result.isPurge()) {
            purgeContents();
        }
        if (eventTimeWindows == eventTime && timer.getTimestamp() == cleanupTime(window)) {
            clearAllState(window);
        }
        if (mergingWindows != null) {
            mergingWindows.persist();
        }
    }

    /** Evaluates the window on its contents (in the namespace set on the contents state). */
    void fire(K key, W window) throws Exception {
        ACC value = contents.get();
        if (value == null || (!singleValueContents && !((Iterable<?>) value).iterator().hasNext())) {
            return;
        }
        Iterable<Object> input = singleValueContents ? List.of(value) : asIterable(value);
        emitWindowContents(key, window, input);
    }

    @SuppressWarnings("unchecked")
    private static Iterable<Object> asIterable(Object value) {
        return (Iterable<Object>) value;
    }

    /** Calls the window function; results carry the window's last timestamp. */
    void emitWindowContents(K key, W window, Iterable<Object> input) throws Exception {
        collector.setAbsoluteTimestamp(window.maxTimestamp());
        processContext.set(key, window);
        userFunction.process(key, processContext, input, collector);
    }

    /** Adds an element to the contents state, already scoped to the element's state window. */
    void addToContents(StreamRecord<IN> element) throws Exception {
        contents.add(element.getValue());
    }

    void purgeContents() {
        contents.clear();
    }

    /** The contents state, scoped to the state window last set. */
    AppendingState<Object, ACC> contents() {
        return contents;
    }

    private void clearAllState(W window) throws Exception {
        purgeContents();
        triggerContext.clear();
        processContext.set(triggerContext.key(), window);
        userFunction.clear(processContext);
        if (mergingWindows != null) {
            mergingWindows.retireWindow(window);
        }
    }

    /** Event time: the window is past its cleanup time, so nothing may be added to it. */
    protected boolean isWindowLate(W window) {
        return isLate(cleanupTime(window));
    }

    /** Event time: a window of this cleanup time is past it. */
    private boolean isLate(long cleanupTime) {
        return eventTimeWindows && cleanupTime <= timerService.currentWatermark();
    }

    private boolean isElementLate(StreamRecord<IN> element) {
        return eventTimeWindows
                && saturatedAdd(element.getTimestamp(), allowedLateness) <= timerService.currentWatermark();
    }

    private long cleanupTime(W window) {
        return eventTimeWindows ? saturatedAdd(window.maxTimestamp(), allowedLateness) : window.maxTimestamp();
    }

    private static long saturatedAdd(long time, long lateness) {
        long sum = time + lateness;
        return sum < time ? Long.MAX_VALUE : sum;
    }

    private void registerCleanupTimer(long time) {
        if (time == Long.MAX_VALUE) {
            return; // a window that ends with time (global window) is never cleaned up by time
        }
        if (eventTimeWindows) {
            triggerContext.registerEventTimeTimer(time);
        } else {
            triggerContext.registerProcessingTimeTimer(time);
        }
    }

    private void deleteCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTimeWindows) {
            triggerContext.deleteEventTimeTimer(time);
        } else {
            triggerContext.deleteProcessingTimeTimer(time);
        }
    }

    /** Elements dropped because they arrived after the allowed lateness and no late-data output is set. */
    public long getNumLateRecordsDropped() {
        return numLateRecordsDropped;
    }

    public WindowAssigner<? super IN, W> getWindowAssigner() {
        return windowAssigner;
    }

    public Trigger<? super IN, ? super W> getTrigger() {
        return trigger;
    }

    public long getAllowedLateness() {
        return allowedLateness;
    }

    /** The namespace of state shared by all windows of a key ({@code globalState()}). */
    static Object globalNamespace() {
        return VoidNamespace.INSTANCE;
    }
}
