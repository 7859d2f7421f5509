package io.weir.api.transformations;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.TypeInformation;
import java.util.List;

/**
 * An operator with two inputs (a connected stream). Keyed when a state key selector is set for
 * the first input; the second input then is keyed with the same key type too, or is a broadcast
 * input without a key.
 */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {
    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final OperatorDescription operator;
    private KeySelector<IN1, ?> stateKeySelector1;
    private KeySelector<IN2, ?> stateKeySelector2;
    private TypeInformation<?> stateKeyType;

    public TwoInputTransformation(Transformation<IN1> input1, Transformation<IN2> input2, String name,
            OperatorDescription operator, TypeInformation<OUT> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.input1 = input1;
        this.input2 = input2;
        this.operator = operator;
        setChainingStrategy(operator.chainingStrategy());
    }

    public Transformation<IN1> getInput1() {
        return input1;
    }

    public Transformation<IN2> getInput2() {
        return input2;
    }

    /** The operator this step runs: one built in the program, or a built-in operator the runtime builds. */
    public OperatorDescription getOperator() {
        return operator;
    }

    /** Key selector of the first input, or {@code null} if the operator is not keyed. */
    public KeySelector<IN1, ?> getStateKeySelector1() {
        return stateKeySelector1;
    }

    /** Key selector of the second input, or {@code null} if that input is not keyed. */
    public KeySelector<IN2, ?> getStateKeySelector2() {
        return stateKeySelector2;
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    /** Makes the operator keyed; {@code selector2} may be {@code null} for an unkeyed (broadcast) second input. */
    public void setStateKeySelectors(KeySelector<IN1, ?> selector1, KeySelector<IN2, ?> selector2,
            TypeInformation<?> keyType) {
        this.stateKeySelector1 = selector1;
        this.stateKeySelector2 = selector2;
        this.stateKeyType = keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
