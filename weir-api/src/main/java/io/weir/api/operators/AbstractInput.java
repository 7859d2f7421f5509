package io.weir.api.operators;

import java.util.Objects;

/**
 * Base class for an {@link Input} of an {@link AbstractStreamOperatorV2}: it hands this input's
 * watermarks, idleness and key context to its operator, which combines them over all inputs, and
 * gives subclasses the operator's {@link #output}. Subclasses implement {@code processElement}.
 *
 * @param <IN> the type of this input's elements
 * @param <OUT> the type of the owning operator's output
 */
public abstract class AbstractInput<IN, OUT> implements Input<IN> {
    protected final AbstractStreamOperatorV2<OUT> owner;
    /** 1-based, as in {@link BoundedMultiInput#endInput(int)}. */
    protected final int inputId;
    protected final Output<StreamRecord<OUT>> output;

    /** @param inputId this input's id, 1 for the first input */
    protected AbstractInput(AbstractStreamOperatorV2<OUT> owner, int inputId) {
        this.owner = Objects.requireNonNull(owner, "owner");
        if (inputId < 1 || inputId > owner.getNumberOfInputs()) {
            throw new IllegalArgumentException("Input id " + inputId + " is out of range: operator '"
                    + owner.getOperatorContext().getOperatorName() + "' has inputs 1 to " + owner.getNumberOfInputs());
        }
        this.inputId = inputId;
        this.output = owner.getOutput();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        owner.processWatermark(mark, inputId);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception {
        owner.processWatermarkStatus(watermarkStatus, inputId);
    }

    @Override
    public void setKeyContextElement(StreamRecord<IN> record) throws Exception {
        owner.setKeyContextElement(record, inputId);
    }
}
