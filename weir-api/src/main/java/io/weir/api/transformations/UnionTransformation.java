package io.weir.api.transformations;

import java.util.ArrayList;
import java.util.List;

/** Merges several streams of the same type into one; runs no code itself. */
public final class UnionTransformation<T> extends Transformation<T> {
    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union", inputs.get(0).getOutputTypeUnchecked(), inputs.get(0).getParallelism());
        for (Transformation<T> input : inputs) {
            if (!input.getOutputType().equals(inputs.get(0).getOutputType())) {
                throw new IllegalArgumentException("Cannot union streams of different types: "
                        + inputs.get(0).getOutputType() + " and " + input.getOutputType()
                        + ". Map them to a common type first.");
            }
        }
        this.inputs = List.copyOf(inputs);
    }

    public List<Transformation<T>> getUnionInputs() {
        return inputs;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return new ArrayList<>(inputs);
    }
}
