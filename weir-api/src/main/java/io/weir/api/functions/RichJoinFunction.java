package io.weir.api.functions;

/**
 * A {@link JoinFunction} with a life cycle and a {@link RuntimeContext}: the window join opens it
 * before the first window fires and closes it when the job ends.
 */
public abstract class RichJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements JoinFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract OUT join(IN1 first, IN2 second) throws Exception;
}
