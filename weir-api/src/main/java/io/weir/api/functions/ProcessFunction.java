package io.weir.api.functions;

/**
 * A low-level function over a stream: called once per element with a {@link Context} that gives
 * the element's timestamp; emits any number of results.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one element; results go to {@code out}. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What {@link #processElement} can see beside the element. */
    public abstract class Context {
        /** The event timestamp of the element, or {@code null} if it has none. */
        public abstract Long timestamp();
    }
}
