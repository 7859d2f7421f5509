package io.weir.runtime.source;

import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamSource;
import io.weir.runtime.graph.OperatorFactory;
import io.weir.runtime.graph.SerializedOperatorFactory;

/** Creates the {@link StreamSource} operator of each subtask of a source function; it needs no coordinator. */
public final class FunctionSourceOperatorFactory implements OperatorFactory {
    private static final long serialVersionUID = 1L;

    private final SerializedOperatorFactory operators;
    private final String name;

    public FunctionSourceOperatorFactory(StreamSource<?, ?> operator, String name, ClassLoader userClassLoader) {
        this.operators = new SerializedOperatorFactory(operator, name, userClassLoader);
        this.name = name;
    }

    @Override
    public StreamOperator<?> createOperator() {
        return operators.createOperator();
    }

    @Override
    public boolean isSource() {
        return true;
    }

    @Override
    public String toString() {
        return "Source function '" + name + "'";
    }
}
