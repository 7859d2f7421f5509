package io.weir.api.functions;

/**
 * A {@link CoGroupFunction} with a life cycle and a {@link RuntimeContext}: the window coGroup opens
 * it before the first window fires and closes it when the job ends.
 */
public abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoGroupFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
