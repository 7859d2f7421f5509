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
    private transient KeyedStateBackend<Object> keyedStateBackend;
    private transient StreamingRuntimeContext runtimeContext;

    @Override
    @SuppressWarnings("unchecked")
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.output = parameters.getOutput();
        this.context = parameters.getContext();
        this.stateKeySelector = (KeySelector<Object, Object>) context.getStateKeySelector();
        this.keyedStateBackend = (KeyedStateBackend<Object>) context.getKeyedStateBackend();
        this.runtimeContext = new StreamingRuntimeContext(context);
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
