package io.weir.api.functions;

/**
 * A low-level function over a keyed stream: called once per element with the element's key in
 * scope, so keyed state obtained from {@link #getRuntimeContext()} belongs to that key.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one element; results go to {@code out}. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What {@link #processElement} can see beside the element. */
    public abstract class Context {
        /** The event timestamp of the element, or {@code null} if it has none. */
        public abstract Long timestamp();

        /** The key of the element being processed. */
        public abstract K getCurrentKey();
    }
}
