package io.weir.runtime.state;

import io.weir.api.state.State;
import io.weir.api.state.VoidNamespace;

/** Base of the heap states: reads and writes the value of the backend's current key. */
abstract class HeapState<K, N, S> implements State {
    protected final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, N, S> table;
    @SuppressWarnings("unchecked")
    private N namespace = (N) VoidNamespace.INSTANCE;

    HeapState(HeapKeyedStateBackend<K> backend, StateTable<K, N, S> table) {
        this.backend = backend;
        this.table = table;
    }

    StateTable<K, N, S> table() {
        return table;
    }

    /** Scopes the state to a namespace (a window); plain keyed state uses {@link VoidNamespace}. */
    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    protected final S getInternal() {
        return table.get(backend.getCurrentKey(), backend.currentKeyGroup(), namespace);
    }

    protected final void putInternal(S value) {
        table.put(backend.getCurrentKey(), backend.currentKeyGroup(), namespace, value);
    }

    @Override
    public void clear() {
        table.remove(backend.getCurrentKey(), backend.currentKeyGroup(), namespace);
    }
}
