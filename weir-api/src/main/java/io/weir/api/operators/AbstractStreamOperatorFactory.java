package io.weir.api.operators;

/** Base class for operator factories: keeps the chaining strategy (default {@link ChainingStrategy#ALWAYS}). */
public abstract class AbstractStreamOperatorFactory<OUT> implements StreamOperatorFactory<OUT> {
    private static final long serialVersionUID = 1L;

    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;

    @Override
    public void setChainingStrategy(ChainingStrategy strategy) {
        this.chainingStrategy = strategy;
    }

    @Override
    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    /** By default the class of an operator is not known before one is created: the runtime does not ask for it. */
    @Override
    public Class<? extends StreamOperator<?>> getStreamOperatorClass(ClassLoader classLoader) {
        throw new UnsupportedOperationException(getClass().getName() + " does not say which operator class it creates");
    }
}
