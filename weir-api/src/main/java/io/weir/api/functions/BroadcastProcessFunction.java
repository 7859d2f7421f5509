package io.weir.api.functions;

/**
 * Processes an unkeyed stream connected with a broadcast stream: each broadcast element reaches
 * every parallel instance and may update the broadcast state; each element of the other stream
 * reaches one instance and may read it.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /** Processes an element of the non-broadcast stream, with read-only broadcast state. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** Processes a broadcast element, with writable broadcast state. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** The context of a broadcast element. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    /** The context of a non-broadcast element. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
