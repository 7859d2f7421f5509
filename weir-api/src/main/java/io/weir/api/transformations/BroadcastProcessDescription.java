package io.weir.api.transformations;

import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.state.MapStateDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * {@code stream.connect(broadcastStream).process(function)} on an unkeyed stream: each instance
 * holds one broadcast state per descriptor.
 */
public record BroadcastProcessDescription<IN1, IN2, OUT>(BroadcastProcessFunction<IN1, IN2, OUT> function,
        List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) implements OperatorDescription {
    public BroadcastProcessDescription {
        Objects.requireNonNull(function, "user function");
        broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }
}
