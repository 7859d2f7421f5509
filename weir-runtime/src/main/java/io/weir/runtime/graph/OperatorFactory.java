package io.weir.runtime.graph;

import io.weir.api.operators.StreamOperator;
import io.weir.runtime.coordination.OperatorCoordinator;
import java.io.Serializable;

/**
 * Creates a fresh operator instance for each parallel subtask, and the operator's coordinator on
 * the JobMaster if it has one (sources do).
 */
public interface OperatorFactory extends Serializable {
    StreamOperator<?> createOperator();

    /** The coordinator for this operator, or {@code null} if it needs none. */
    default OperatorCoordinator.Provider coordinatorProvider() {
        return null;
    }

    /** True for operators that produce records themselves (sources) rather than read an input. */
    default boolean isSource() {
        return false;
    }
}
