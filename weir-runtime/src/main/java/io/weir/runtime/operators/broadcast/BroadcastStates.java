package io.weir.runtime.operators.broadcast;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.OperatorStateStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one operator instance, one per descriptor declared in
 * {@code broadcast(descriptors...)}, kept in the operator's state store (so they are checkpointed).
 * Asking for an undeclared one is an error naming the declared ones.
 *
 * <p>Threading: the task's thread only.
 */
final class BroadcastStates implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<MapStateDescriptor<?, ?>> descriptors;
    private transient Map<String, BroadcastState<?, ?>> states;

    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors) {
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("A broadcast stream needs at least one MapStateDescriptor: "
                    + "pass the descriptors of its broadcast states to broadcast(...).");
        }
        this.descriptors = List.copyOf(descriptors);
    }

    void open(OperatorStateStore store) throws Exception {
        states = new HashMap<>();
        for (MapStateDescriptor<?, ?> d : descriptors) {
            states.put(d.getName(), store.getBroadcastState(d));
        }
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor, String operatorName) {
        BroadcastState<?, ?> state = states.get(descriptor.getName());
        if (state == null || !descriptors.contains(descriptor)) {
            List<String> declared = new ArrayList<>(states.keySet());
            throw new IllegalArgumentException("Operator '" + operatorName + "' has no broadcast state "
                    + descriptor + "; its broadcast states are " + declared + ". Pass the descriptor to "
                    + "broadcast(...) of the broadcast stream, or check the name and types for typos.");
        }
        return (BroadcastState<K, V>) state;
    }
}
