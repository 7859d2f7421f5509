package io.weir.api.functions;

/**
 * A low-level function over a keyed stream: called once per element with the element's key in
 * scope, so keyed state obtained from {@link #getRuntimeContext()} belongs to that key. Can register
 * timers for the key through {@link Context#timerService()}; they call {@link #onTimer}.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one element; results go to {@code out}. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * A timer registered with the {@link TimerService} fired, with its key as the current key.
     * Results emitted here carry the timer's timestamp for event-time timers and no timestamp for
     * processing-time timers. The default does nothing.
     *
     * @param timestamp the time the timer was registered for
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} can see beside the element. */
    public abstract class Context {
        /** The event timestamp of the element (or of the firing timer), or {@code null} if it has none. */
        public abstract Long timestamp();

        /** The clocks, and timers for the current key. */
        public abstract TimerService timerService();

        /** Emits a record to the side output identified by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The key of the element being processed. */
        public abstract K getCurrentKey();
    }

    /** What {@link #onTimer} can see: the context, plus which clock fired. */
    public abstract class OnTimerContext extends Context {
        /** Whether the firing timer is an event-time or a processing-time timer. */
        public abstract TimeDomain timeDomain();

        /** The key of the firing timer. */
        @Override
        public abstract K getCurrentKey();
    }
}
