package io.weir.api.operators;

import java.util.List;

/**
 * An operator with any number of inputs, each of its own type. The runtime feeds the elements,
 * watermarks and idleness of input {@code i} (0-based, in the order the inputs were added to the
 * {@code MultipleInputTransformation}) to {@code getInputs().get(i)}. Elements of different inputs
 * arrive in any interleaving; within one input they keep their order.
 *
 * <p>An operator that wants to know when each input ends implements {@link BoundedMultiInput}; its
 * {@code endInput(inputId)} is called with the 1-based input id. A multiple-input operator is always
 * the head of its chain: its inputs come over exchanges, and operators after it chain onto it.
 *
 * <p>Threading: called from the task's thread only.
 */
public interface MultipleInputStreamOperator<OUT> extends StreamOperator<OUT> {
    /** The operator's inputs, one per input of its transformation, in that order; called once, after setup. */
    @SuppressWarnings("rawtypes")
    List<Input> getInputs();
}
