package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.transformations.Exchange;
import io.weir.api.transformations.PartitionTransformation;
import io.weir.api.transformations.Transformation;
import io.weir.api.types.TypeInformation;
import java.util.List;

/**
 * A stream whose every element goes to every parallel instance of the operator it is connected
 * to, together with the broadcast states (maps) that operator holds; made by
 * {@link DataStream#broadcast(MapStateDescriptor[])}, used by
 * {@link DataStream#connect(BroadcastStream)}.
 */
public class BroadcastStream<T> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<T> input;
    private final Transformation<T> transformation;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    protected BroadcastStream(StreamExecutionEnvironment environment, DataStream<T> input,
            MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        if (broadcastStateDescriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(...) of '" + input.getTransformation().getName()
                    + "' needs at least one MapStateDescriptor: the broadcast states that the connected operator holds.");
        }
        this.environment = environment;
        this.input = input;
        this.broadcastStateDescriptors = List.of(broadcastStateDescriptors);
        this.transformation = new PartitionTransformation<>(input.getTransformation(), Exchange.BROADCAST, null);
    }

    public StreamExecutionEnvironment getEnvironment() {
        return environment;
    }

    public TypeInformation<T> getType() {
        return input.getType();
    }

    /** The step that sends every element to every consumer subtask. */
    public Transformation<T> getTransformation() {
        return transformation;
    }

    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }
}
