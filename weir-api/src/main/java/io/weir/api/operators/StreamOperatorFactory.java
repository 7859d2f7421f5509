package io.weir.api.operators;

import java.io.Serializable;

/**
 * Creates an operator on the task that runs it, from the parameters the runtime prepared for it
 * (its output and context). The factory, not the operator, is shipped with the job, so an operator
 * built this way (an {@link AbstractStreamOperatorV2}) need not be serializable and takes its
 * parameters in its constructor; the runtime calls no {@code setup} on it.
 */
public interface StreamOperatorFactory<OUT> extends Serializable {
    /** A new operator for one subtask; called once per subtask, on its task's thread. */
    <T extends StreamOperator<OUT>> T createStreamOperator(StreamOperatorParameters<OUT> parameters);

    void setChainingStrategy(ChainingStrategy strategy);

    ChainingStrategy getChainingStrategy();

    /** The class of the operators this factory creates, for names and checks before any is created. */
    Class<? extends StreamOperator<?>> getStreamOperatorClass(ClassLoader classLoader);
}
