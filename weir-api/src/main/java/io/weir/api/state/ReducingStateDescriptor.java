package io.weir.api.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.types.TypeInformation;
import java.util.Objects;

/** Describes a {@link ReducingState}. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        super(name, type);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function");
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> type) {
        super(name, type);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
