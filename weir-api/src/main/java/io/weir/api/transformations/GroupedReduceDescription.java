package io.weir.api.transformations;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.types.TypeInformation;
import java.util.Objects;

/**
 * A rolling reduce on a keyed stream ({@code reduce}, {@code sum}, {@code min}, ...): the reduced
 * value per key, of type {@code valueType}, emitted after every element.
 */
public record GroupedReduceDescription<T>(ReduceFunction<T> reducer, TypeInformation<T> valueType)
        implements OperatorDescription {
    public GroupedReduceDescription {
        Objects.requireNonNull(reducer, "user function");
    }
}
