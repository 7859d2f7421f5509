package io.weir.api.transformations;

import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.state.MapStateDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * {@code keyedStream.connect(broadcastStream).process(function)}: keyed state and timers for the
 * keyed side, one broadcast state per descriptor in each instance.
 */
public record KeyedBroadcastProcessDescription<KS, IN1, IN2, OUT>(
        KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
        List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) implements OperatorDescription {
    public KeyedBroadcastProcessDescription {
        Objects.requireNonNull(function, "user function");
        broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }
}
