package io.weir.api.functions;

/**
 * A low-level function over two connected keyed streams: called once per element of each input
 * with the element's key in scope, so keyed state obtained from {@link #getRuntimeContext()} is the
 * state of that key, shared by both inputs. Can register timers for the key through
 * {@link Context#timerService()}; they call {@link #onTimer}.
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one element of the first input; results go to {@code out}. */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Processes one element of the second input; results go to {@code out}. */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * A timer registered with the {@link TimerService} fired, with its key as the current key.
     * Results carry the timer's timestamp for event-time timers and none for processing-time timers.
     * The default does nothing.
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** What the process methods can see beside the element. */
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
        public abstract TimeDomain timeDomain();

        /** The key of the firing timer. */
        @Override
        public abstract K getCurrentKey();
    }
}
