package io.weir.api.functions;

import io.weir.api.state.KeyedStateFunction;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;

/**
 * Processes a keyed stream connected with a broadcast stream. Elements of the keyed stream come
 * with their key's state in scope and read-only broadcast state; broadcast elements reach every
 * parallel instance, may update the broadcast state, and may visit the keyed state of all keys of
 * the instance with {@link Context#applyToKeyedState}.
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /** Processes an element of the keyed stream, with its key's state and read-only broadcast state. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** Processes a broadcast element, with writable broadcast state; no key is in scope. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

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
        /** The key of the element being processed. */
        public abstract KS getCurrentKey();
    }
}
