package io.weir.api.functions;

/** A {@link AggregateFunction} with a life cycle and a {@link RuntimeContext}. */
public abstract class RichAggregateFunction<IN, ACC, OUT> extends AbstractRichFunction implements AggregateFunction<IN, ACC, OUT> {
    private static final long serialVersionUID = 1L;
}
