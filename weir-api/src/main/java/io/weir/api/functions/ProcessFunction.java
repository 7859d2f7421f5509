package io.weir.api.functions;

/**
 * A low-level function over a stream: called once per element with a {@link Context} that gives
 * the element's timestamp, the clocks and side outputs; emits any number of results. Timers need a
 * keyed stream: on a keyed stream {@link #onTimer} is called when a timer fires; on a non-keyed
 * stream registering a timer throws.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one element; results go to {@code out}. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** A timer registered with the {@link TimerService} fired. The default does nothing. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} can see beside the element. */
    public abstract class Context {
        /** The event timestamp of the element (or of the firing timer), or {@code null} if it has none. */
        public abstract Long timestamp();

        /** The clocks; on a keyed stream also timers for the current key. */
        public abstract TimerService timerService();

        /** Emits a record to the side output identified by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} can see: the context, plus which clock fired. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
