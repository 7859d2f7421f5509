package io.weir.api.functions;

/**
 * A low-level function over the two inputs of a connected stream: called once per element of each
 * input with a {@link Context} that gives the element's timestamp.
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one element of the first input; results go to {@code out}. */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Processes one element of the second input; results go to {@code out}. */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** What the process methods can see beside the element. */
    public abstract class Context {
        /** The event timestamp of the element, or {@code null} if it has none. */
        public abstract Long timestamp();
    }
}
