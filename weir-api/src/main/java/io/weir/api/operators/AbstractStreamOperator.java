package io.weir.api.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.operators.internal.InternalTimerServices;
import io.weir.api.state.StateInitializationContext;
import io.weir.api.state.StateSnapshotContext;
import io.weir.api.types.TypeSerializer;

/**
 * Base class for operators: keeps the output and context given at setup, scopes keyed state to
 * each element's key, fires timers and forwards watermarks.
 *
 * <h2>Event time</h2>
 * {@link #processWatermark} is the one place where event time advances: it fires the operator's
 * event-time timers up to the watermark, then forwards the watermark. Operators with several
 * inputs combine their inputs' watermarks and call it with the combined one.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
    private static final long serialVersionUID = 1L;

    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;

    protected transient Output<StreamRecord<OUT>> output;
    private transient OperatorContext context;
    private transient KeySelector<Object, Object> stateKeySelector;
    private transient KeySelector<Object, Object> stateKeySelector2;
    private transient KeyedStateBackend<Object> keyedStateBackend;
    private transient StreamingRuntimeContext runtimeContext;
    private transient InternalTimerServices<Object> timerServices;
    private transient long currentWatermark;
    // Per-input watermarks of a two-input operator; unused by one-input operators.
    private transient long input1Watermark;
    private transient long input2Watermark;
    private transient long combinedWatermark;
    private transient boolean input1Idle;
    private transient boolean input2Idle;

    @Override
    @SuppressWarnings("unchecked")
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.output = parameters.getOutput();
        this.context = parameters.getContext();
        this.stateKeySelector = (KeySelector<Object, Object>) context.getStateKeySelector();
        this.stateKeySelector2 = (KeySelector<Object, Object>) context.getStateKeySelector(1);
        this.keyedStateBackend = (KeyedStateBackend<Object>) context.getKeyedStateBackend();
        this.runtimeContext = new StreamingRuntimeContext(context);
        // set here, not by field initializers: operators arrive deserialized, which skips those
        this.currentWatermark = Long.MIN_VALUE;
        this.input1Watermark = Long.MIN_VALUE;
        this.input2Watermark = Long.MIN_VALUE;
        this.combinedWatermark = Long.MIN_VALUE;
        this.input1Idle = false;
        this.input2Idle = false;
    }

    /**
     * Calls {@link #initializeState(StateInitializationContext)} with this operator's state stores;
     * the runtime calls it once, after setup and before {@link #open}.
     */
    @Override
    public final void initializeState() throws Exception {
        initializeState(new OperatorInitializationContext(context, keyedStateBackend == null ? null : runtimeContext));
    }

    /**
     * Registers the operator's state and reads back restored state; subclasses that keep state
     * outside the keyed state backend override it (and call {@code super}).
     */
    public void initializeState(StateInitializationContext context) throws Exception {}

    /** Calls {@link #snapshotState(StateSnapshotContext)} for the checkpoint. */
    @Override
    public final void snapshotState(long checkpointId, long timestamp) throws Exception {
        snapshotState(new OperatorSnapshotContext(checkpointId, timestamp));
    }

    /**
     * Writes into the state stores what the operator keeps elsewhere, for the checkpoint; keyed
     * state and timers need nothing here. Subclasses override it (and call {@code super}).
     */
    public void snapshotState(StateSnapshotContext context) throws Exception {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {}

    @Override
    public void open() throws Exception {}

    @Override
    public void finish() throws Exception {}

    @Override
    public void close() throws Exception {}

    /**
     * A one-input operator's {@link Input#setKeyContextElement}: {@link #setKeyContextElement1}.
     * Declared here with the raw record type, which implements the input's method for every element
     * type, so that the chain's call per record dispatches once (the interface's default method would
     * dispatch a second time, on a call site that all operator classes share).
     */
    @SuppressWarnings("rawtypes")
    public void setKeyContextElement(StreamRecord record) throws Exception {
        setKeyContextElement1(record);
    }

    /** Keyed state follows the key of the (first) input's element. */
    @Override
    public void setKeyContextElement1(StreamRecord<?> record) throws Exception {
        if (stateKeySelector != null) {
            keyedStateBackend.setCurrentKey(keyOf(stateKeySelector, record));
        }
    }

    /**
     * For two-input operators: keyed state follows the key of the second input's element. An
     * unkeyed second input (the broadcast side of a keyed broadcast connect) leaves the key as is.
     */
    @Override
    public void setKeyContextElement2(StreamRecord<?> record) throws Exception {
        if (stateKeySelector2 != null) {
            keyedStateBackend.setCurrentKey(keyOf(stateKeySelector2, record));
        }
    }

    /**
     * The key of {@code record}'s value; a keyed exchange to one consumer does not look at the key,
     * so this is where a {@code null} key is caught.
     */
    static Object keyOf(KeySelector<Object, Object> selector, StreamRecord<?> record) throws Exception {
        Object key = selector.getKey(record.getValue());
        if (key == null) {
            throw new NullPointerException("The KeySelector returned null for " + record.getValue()
                    + ": keys must not be null.");
        }
        return key;
    }

    /** For two-input operators: the first input's watermark advanced. */
    public void processWatermark1(Watermark mark) throws Exception {
        input1Watermark = mark.getTimestamp();
        advanceCombinedWatermark();
    }

    /** For two-input operators: the second input's watermark advanced. */
    public void processWatermark2(Watermark mark) throws Exception {
        input2Watermark = mark.getTimestamp();
        advanceCombinedWatermark();
    }

    /** For two-input operators: the first input became idle or active. */
    public void processWatermarkStatus1(WatermarkStatus status) throws Exception {
        boolean wasIdle = input1Idle && input2Idle;
        input1Idle = status.isIdle();
        onInputStatusChanged(wasIdle);
    }

    /** For two-input operators: the second input became idle or active. */
    public void processWatermarkStatus2(WatermarkStatus status) throws Exception {
        boolean wasIdle = input1Idle && input2Idle;
        input2Idle = status.isIdle();
        onInputStatusChanged(wasIdle);
    }

    /**
     * An idle input no longer holds the other one back, so the watermark may advance; the operator
     * is idle only when both inputs are.
     */
    private void onInputStatusChanged(boolean wasIdle) throws Exception {
        boolean idle = input1Idle && input2Idle;
        if (idle != wasIdle) {
            if (idle) {
                // each input's progress is final while idle: as far as the further one got
                advanceCombinedWatermarkTo(Math.max(input1Watermark, input2Watermark));
            }
            processWatermarkStatus(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        }
        if (!idle) {
            advanceCombinedWatermark();
        }
    }

    /**
     * The operator's watermark is the minimum of its active inputs' watermarks. It only moves
     * forward: an input that comes back from idleness behind it does not pull it back.
     */
    private void advanceCombinedWatermark() throws Exception {
        long min;
        if (input1Idle && input2Idle) {
            return;
        } else if (input1Idle) {
            min = input2Watermark;
        } else if (input2Idle) {
            min = input1Watermark;
        } else {
            min = Math.min(input1Watermark, input2Watermark);
        }
        advanceCombinedWatermarkTo(min);
    }

    private void advanceCombinedWatermarkTo(long watermark) throws Exception {
        if (watermark > combinedWatermark) {
            combinedWatermark = watermark;
            processWatermark(new Watermark(watermark));
        }
    }

    /**
     * Event time advanced to {@code mark}: fires the event-time timers at or before it (with their
     * keys set), then forwards the watermark. Operators that override this to hold watermarks back
     * or to combine inputs call it with the watermark to advance to.
     */
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.getTimestamp();
        if (timerServices != null) {
            timerServices.advanceWatermark(mark.getTimestamp());
        }
        output.emitWatermark(mark);
    }

    /**
     * The input became idle or active again: forwarded, so that operators downstream stop or
     * start waiting for this stream's watermarks.
     */
    public void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception {
        output.emitWatermarkStatus(watermarkStatus);
    }

    /** The last watermark this operator processed, {@code Long.MIN_VALUE} before the first. */
    public long getCurrentWatermark() {
        return currentWatermark;
    }

    /**
     * The timer service with this name for a keyed operator, created on first use. Timers are kept
     * per key group with the keyed state, one per (key, namespace, timestamp); they fire into
     * {@code triggerable} with their key set as the current key.
     *
     * @throws UnsupportedOperationException if the operator's input is not keyed
     */
    @SuppressWarnings("unchecked")
    protected <K, N> InternalTimerService<N> getInternalTimerService(String name,
            TypeSerializer<N> namespaceSerializer, Triggerable<K, N> triggerable) {
        if (timerServices == null) {
            InternalTimerServices<?> services = context.getInternalTimerServices();
            if (services == null) {
                throw new UnsupportedOperationException("Operator '" + context.getOperatorName()
                        + "' uses timers, which need a keyed stream: call keyBy(...) before it.");
            }
            timerServices = (InternalTimerServices<Object>) services;
        }
        return ((InternalTimerServices<K>) (InternalTimerServices<?>) timerServices)
                .getInternalTimerService(name, namespaceSerializer, triggerable);
    }

    /** The task's processing-time clock; callbacks registered with it run on the task's thread. */
    public ProcessingTimeService getProcessingTimeService() {
        return context.getProcessingTimeService();
    }

    public Output<StreamRecord<OUT>> getOutput() {
        return output;
    }

    public OperatorContext getOperatorContext() {
        return context;
    }

    public RuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    /** The keyed state backend, or {@code null} when the input is not keyed. */
    @SuppressWarnings("unchecked")
    public <K> KeyedStateBackend<K> getKeyedStateBackend() {
        return (KeyedStateBackend<K>) keyedStateBackend;
    }

    public Object getCurrentKey() {
        if (keyedStateBackend == null) {
            throw new UnsupportedOperationException(
                    "Operator '" + context.getOperatorName() + "' has no key: its input is not keyed (use keyBy).");
        }
        return keyedStateBackend.getCurrentKey();
    }

    @Override
    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    @Override
    public void setChainingStrategy(ChainingStrategy strategy) {
        this.chainingStrategy = strategy;
    }
}
