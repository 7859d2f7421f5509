package io.weir.api.functions;

/**
 * A low-level function over the two inputs of a connected stream: called once per element of each
 * input with a {@link Context} that gives the element's timestamp, the clocks and side outputs.
 * Timers need keyed connected streams: on unkeyed ones the clocks can be read but registering a
 * timer throws. On keyed streams a {@link KeyedCoProcessFunction} also sees the current key.
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one element of the first input; results go to {@code out}. */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Processes one element of the second input; results go to {@code out}. */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** A timer fired (only on keyed connected streams, which have timers). The default does nothing. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** What the process methods can see beside the element. */
    public abstract class Context {
        /** The event timestamp of the element, or {@code null} if it has none. */
        public abstract Long timestamp();

        /** The clocks, and on keyed connected streams timers for the current key. */
        public abstract TimerService timerService();

        /** Emits a record to the side output identified by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} can see: the context, plus which clock fired. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
