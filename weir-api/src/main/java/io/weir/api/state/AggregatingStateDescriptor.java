package io.weir.api.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.types.TypeInformation;
import java.util.Objects;

/** Describes an {@link AggregatingState}; the type given is the accumulator's type. */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
        super(name, accumulatorType);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregate function");
    }

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeInformation<ACC> accumulatorType) {
        super(name, accumulatorType);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregate function");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
