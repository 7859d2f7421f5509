package io.weir.api.transformations;

import io.weir.api.functions.KeySelector;
import io.weir.api.operators.StreamOperatorFactory;
import io.weir.api.types.TypeInformation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A keyed operator with any number of inputs: every input is keyed with its own key selector,
 * all of the same key type, and the operator's keyed state and timers are scoped to the key of the
 * element it processes. Each input should be a keyed stream partitioned by the same key
 * ({@code keyBy(...).getTransformation()}), so that one key's elements of all inputs meet in one subtask.
 */
public final class KeyedMultipleInputTransformation<OUT> extends AbstractMultipleInputTransformation<OUT> {
    private final List<KeySelector<?, ?>> stateKeySelectors = new ArrayList<>();
    private final TypeInformation<?> stateKeyType;

    public KeyedMultipleInputTransformation(String name, StreamOperatorFactory<OUT> operatorFactory,
            TypeInformation<OUT> outputType, int parallelism, TypeInformation<?> stateKeyType) {
        super(name, operatorFactory, outputType, parallelism);
        this.stateKeyType = Objects.requireNonNull(stateKeyType, "stateKeyType");
    }

    /** Adds the next input with the selector of its elements' keys. */
    public KeyedMultipleInputTransformation<OUT> addInput(Transformation<?> input, KeySelector<?, ?> keySelector) {
        inputs.add(Objects.requireNonNull(input, "input"));
        stateKeySelectors.add(Objects.requireNonNull(keySelector, "keySelector"));
        return this;
    }

    /** The key selector of each input, in input order. */
    public List<KeySelector<?, ?>> getStateKeySelectors() {
        return Collections.unmodifiableList(stateKeySelectors);
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }
}
