package io.weir.runtime.operators.windowing;

import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.state.InternalKvState;

/**
 * Keyed state of the current key in one namespace: a window ({@code windowState()}) or the
 * namespace shared by all windows ({@code globalState()}). The namespace is set on each access, so
 * a state obtained here reads the namespace it was obtained for until it is obtained again.
 */
final class NamespacedStateStore implements KeyedStateStore {
    private final KeyedStateBackend<?> backend;
    private final TypeSerializer<Object> namespaceSerializer;
    private Object namespace;

    /** @param namespaceSerializer writes the namespaces of the states into checkpoints */
    NamespacedStateStore(KeyedStateBackend<?> backend, TypeSerializer<?> namespaceSerializer, Object namespace) {
        this.backend = backend;
        this.namespaceSerializer = (TypeSerializer<Object>) namespaceSerializer;
        this.namespace = namespace;
    }

    void setNamespace(Object namespace) {
        if (this.namespace != namespace) { // spare the store's write barrier when it is the same again
            this.namespace = namespace;
        }
    }

    @SuppressWarnings("unchecked")
    <S extends State> S get(StateDescriptor<S, ?> descriptor) {
        S state = backend.getPartitionedState(namespace, namespaceSerializer, descriptor);
        if (!(state instanceof InternalKvState)) {
            throw new UnsupportedOperationException("State '" + descriptor.getName() + "' cannot be scoped to a window:"
                    + " the state backend returned " + state.getClass().getName() + ", which has no namespaces.");
        }
        ((InternalKvState<Object>) state).setCurrentNamespace(namespace);
        return state;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return get(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return get(stateProperties);
    }
}
