package io.weir.api.transformations;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.TypeInformation;
import java.util.List;

/** An operator with one input; keyed when {@link #getStateKeySelector()} is set. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
    private final Transformation<IN> input;
    private final OperatorDescription operator;
    private KeySelector<IN, ?> stateKeySelector;
    private TypeInformation<?> stateKeyType;

    public OneInputTransformation(Transformation<IN> input, String name, OperatorDescription operator,
            TypeInformation<OUT> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.input = input;
        this.operator = operator;
        setChainingStrategy(operator.chainingStrategy());
    }

    public Transformation<IN> getInput() {
        return input;
    }

    /** The operator this step runs: one built in the program, or a built-in operator the runtime builds. */
    public OperatorDescription getOperator() {
        return operator;
    }

    public KeySelector<IN, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    public void setStateKeySelector(KeySelector<IN, ?> selector, TypeInformation<?> keyType) {
        this.stateKeySelector = selector;
        this.stateKeyType = keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
