package io.weir.api.operators;

import java.util.Objects;

/**
 * What the runtime hands an operator at {@link StreamOperator#setup}: where to emit, and the
 * context of the task it runs in.
 */
public final class StreamOperatorParameters<OUT> {
    private final Output<StreamRecord<OUT>> output;
    private final OperatorContext context;

    public StreamOperatorParameters(Output<StreamRecord<OUT>> output, OperatorContext context) {
        this.output = Objects.requireNonNull(output, "output");
        this.context = Objects.requireNonNull(context, "context");
    }

    public Output<StreamRecord<OUT>> getOutput() {
        return output;
    }

    public OperatorContext getContext() {
        return context;
    }
}
