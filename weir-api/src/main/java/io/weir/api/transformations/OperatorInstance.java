package io.weir.api.transformations;

import io.weir.api.operators.ChainingStrategy;
import io.weir.api.operators.StreamOperator;
import java.util.Objects;

/** An operator built in the program; the runtime runs a copy of it in each parallel subtask. */
public record OperatorInstance(StreamOperator<?> operator) implements OperatorDescription {
    public OperatorInstance {
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public ChainingStrategy chainingStrategy() {
        return operator.getChainingStrategy();
    }
}
