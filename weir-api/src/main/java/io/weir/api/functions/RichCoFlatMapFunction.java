package io.weir.api.functions;

/** A {@link CoFlatMapFunction} with a life cycle and a {@link RuntimeContext} (for state). */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoFlatMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
