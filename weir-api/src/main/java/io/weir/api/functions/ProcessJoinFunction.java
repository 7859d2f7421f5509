package io.weir.api.functions;

/**
 * Called by an interval join once per pair of elements with equal keys whose timestamps are
 * within the join's bounds: {@code left.ts + lowerBound <= right.ts <= left.ts + upperBound}.
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Processes one joined pair; results go to {@code out} with the later of the two timestamps. */
    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** What {@link #processElement} can see beside the pair. */
    public abstract class Context {
        /** The timestamp of the left element. */
        public abstract long getLeftTimestamp();

        /** The timestamp of the right element. */
        public abstract long getRightTimestamp();

        /** The timestamp of the joined result: the later of the two. */
        public abstract long getTimestamp();

        /** Emits a record to the side output identified by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
