package io.weir.api.functions;

/** A {@link MapFunction} with a life cycle and a {@link RuntimeContext}. */
public abstract class RichMapFunction<IN, OUT> extends AbstractRichFunction implements MapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract OUT map(IN value) throws Exception;
}
