package io.weir.api.transformations;

import io.weir.api.functions.OutputTag;
import java.util.List;

/** The records an operator emits to one side output; runs no code itself. */
public final class SideOutputTransformation<T> extends Transformation<T> {
    private final Transformation<?> input;
    private final OutputTag<T> outputTag;

    public SideOutputTransformation(Transformation<?> input, OutputTag<T> outputTag) {
        super("SideOutput(" + outputTag.getId() + ")", outputTag.getTypeInfo(), input.getParallelism());
        this.input = input;
        this.outputTag = outputTag;
    }

    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getOutputTag() {
        return outputTag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
