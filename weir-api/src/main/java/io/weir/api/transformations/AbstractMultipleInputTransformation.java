package io.weir.api.transformations;

import io.weir.api.operators.StreamOperatorFactory;
import io.weir.api.types.TypeInformation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An operator with any number of inputs, created on each subtask by a {@link StreamOperatorFactory}.
 * Input {@code i} (0-based, in the order added) feeds {@code getInputs().get(i)} of the
 * operator's {@link io.weir.api.operators.MultipleInputStreamOperator}.
 */
public abstract class AbstractMultipleInputTransformation<OUT> extends Transformation<OUT> {
    protected final List<Transformation<?>> inputs = new ArrayList<>();
    private final StreamOperatorFactory<OUT> operatorFactory;

    protected AbstractMultipleInputTransformation(String name, StreamOperatorFactory<OUT> operatorFactory,
            TypeInformation<OUT> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.operatorFactory = Objects.requireNonNull(operatorFactory, "operatorFactory");
        super.setChainingStrategy(operatorFactory.getChainingStrategy());
    }

    public StreamOperatorFactory<OUT> getOperatorFactory() {
        return operatorFactory;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** The types of the inputs' elements, in input order. */
    public List<TypeInformation<?>> getInputTypes() {
        List<TypeInformation<?>> types = new ArrayList<>();
        for (Transformation<?> input : inputs) {
            types.add(input.getOutputType());
        }
        return types;
    }

    /** Sets the strategy on the factory too, which the operator is created from. */
    @Override
    public void setChainingStrategy(io.weir.api.operators.ChainingStrategy strategy) {
        super.setChainingStrategy(strategy);
        operatorFactory.setChainingStrategy(strategy);
    }
}
