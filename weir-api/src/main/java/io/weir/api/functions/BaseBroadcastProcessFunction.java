package io.weir.api.functions;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReadOnlyBroadcastState;

/**
 * What {@link BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction} share: the
 * contexts through which they reach broadcast state, writable on the broadcast side and read-only on
 * the other.
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** What both process methods can see beside the element. */
    public abstract class BaseContext {
        /** The event timestamp of the element, or {@code null} if it has none. */
        public abstract Long timestamp();

        /** Emits a record to the side output identified by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The task's processing time in epoch milliseconds. */
        public abstract long currentProcessingTime();

        /** The operator's current watermark, {@code Long.MIN_VALUE} before the first. */
        public abstract long currentWatermark();
    }

    /** The context of a broadcast element: broadcast state may be changed. */
    public abstract class Context extends BaseContext {
        /** The broadcast state declared with {@code descriptor} in {@code broadcast(...)}. */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }

    /** The context of a non-broadcast element: broadcast state may only be read. */
    public abstract class ReadOnlyContext extends BaseContext {
        /** The broadcast state declared with {@code descriptor} in {@code broadcast(...)}, read-only. */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }
}
