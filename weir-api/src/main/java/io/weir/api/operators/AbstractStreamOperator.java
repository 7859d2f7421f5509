package io.weir.api.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.RuntimeContext;

/**
 * Base class for operators: keeps the output and context given at setup, scopes keyed state to
 * each element's key, and forwards watermarks.
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
    // Per-input watermarks of a two-input operator; unused by one-input operators.
    private transient long input1Watermark;
    private transient long input2Watermark;
    private transient long combinedWatermark;

    @Override
    @SuppressWarnings("unchecked")
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.output = parameters.getOutput();
        this.context = parameters.getContext();
        this.stateKeySelector = (KeySelector<Object, Object>) context.getStateKeySelector();
        this.stateKeySelector2 = (KeySelector<Object, Object>) context.getStateKeySelector(1);
        this.keyedStateBackend = (KeyedStateBackend<Object>) context.getKeyedStateBackend();
        this.runtimeContext = new StreamingRuntimeContext(context);
        this.input1Watermark = Long.MIN_VALUE;
        this.input2Watermark = Long.MIN_VALUE;
        this.combinedWatermark = Long.MIN_VALUE;
    }

    @Override
    public void open() throws Exception {}

    @Override
    public void finish() throws Exception {}

    @Override
    public void close() throws Exception {}

    @Override
    public void setKeyContextElement(StreamRecord<?> record) throws Exception {
        if (stateKeySelector != null) {
            keyedStateBackend.setCurrentKey(stateKeySelector.getKey(record.getValue()));
        }
    }

    /** For two-input operators: keyed state follows the key of the first input's element. */
    public void setKeyContextElement1(StreamRecord<?> record) throws Exception {
        setKeyContextElement(record);
    }

    /**
     * For two-input operators: keyed state follows the key of the second input's element. An
     * unkeyed second input (the broadcast side of a keyed broadcast connect) leaves the key as is.
     */
    public void setKeyContextElement2(StreamRecord<?> record) throws Exception {
        if (stateKeySelector2 != null) {
            keyedStateBackend.setCurrentKey(stateKeySelector2.getKey(record.getValue()));
        }
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

    /** The operator's watermark is the minimum of both inputs': it moves only when that minimum does. */
    private void advanceCombinedWatermark() throws Exception {
        long min = Math.min(input1Watermark, input2Watermark);
        if (min > combinedWatermark) {
            combinedWatermark = min;
            processWatermark(new Watermark(min));
        }
    }

    /** The watermark has advanced; operators without event-time logic forward it. */
    public void processWatermark(Watermark mark) throws Exception {
        output.emitWatermark(mark);
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
