package io.weir.api.operators;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.TaskInfo;

/**
 * The runtime's side of an operator: task identity, configuration and, on keyed streams, the
 * keyed state backend. Implemented by the runtime and by the test harnesses.
 */
public interface OperatorContext {
    String getOperatorName();

    TaskInfo getTaskInfo();

    ExecutionConfig getExecutionConfig();

    ClassLoader getUserCodeClassLoader();

    /** The key selector of a keyed input, or {@code null} if the operator's input is not keyed. */
    KeySelector<?, ?> getStateKeySelector();

    /**
     * The key selector of input {@code inputIndex} (0 for the first, 1 for the second input of a
     * two-input operator), or {@code null} if that input is not keyed.
     */
    default KeySelector<?, ?> getStateKeySelector(int inputIndex) {
        return inputIndex == 0 ? getStateKeySelector() : null;
    }

    /** The keyed state backend, or {@code null} if the operator's input is not keyed. */
    KeyedStateBackend<?> getKeyedStateBackend();
}
