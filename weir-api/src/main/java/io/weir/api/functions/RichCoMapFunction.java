package io.weir.api.functions;

/** A {@link CoMapFunction} with a life cycle and a {@link RuntimeContext} (for state). */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
