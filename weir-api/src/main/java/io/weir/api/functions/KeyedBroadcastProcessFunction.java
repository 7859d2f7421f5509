package io.weir.api.functions;

import io.weir.api.state.KeyedStateFunction;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;

/**
 * Processes a keyed stream connected with a broadcast stream. Elements of the keyed stream come
 * with their key's state in scope and read-only broadcast state; broadcast elements reach every
 * parallel instance, may update the broadcast state, and may visit the keyed state of all keys of
 * the instance with {@link Context#applyToKeyedState}. Elements of the keyed stream can register
 * timers for their key; they call {@link #onTimer}.
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /** Processes an element of the keyed stream, with its key's state and read-only broadcast state. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** Processes a broadcast element, with writable broadcast state; no key is in scope. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * A timer registered through {@link ReadOnlyContext#timerService()} fired, with its key as the
     * current key. The default does nothing.
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** The context of a broadcast element. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /**
         * Applies {@code function} to the state {@code stateDescriptor} of every key of this
         * instance that has a value in it, with that key in scope.
         */
        public abstract <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception;
    }

    /** The context of an element of the keyed stream. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        /** The clocks, and timers for the current key. */
        public abstract TimerService timerService();

        /** The key of the element being processed. */
        public abstract KS getCurrentKey();
    }

    /** What {@link #onTimer} can see: the read-only context, plus which clock fired. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();

        /** The key of the firing timer. */
        @Override
        public abstract KS getCurrentKey();
    }
}
