package io.weir.runtime.state;

import io.weir.api.state.VoidNamespace;
import java.util.Collection;
import java.util.HashMap;

/**
 * Base of the heap states: reads and writes the value of the backend's current key in the current
 * namespace.
 */
abstract class HeapState<K, N, S> implements InternalKvState<N> {
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
    @Override
    public void setCurrentNamespace(N namespace) {
        this.namespace = namespace;
    }

    protected final S getInternal() {
        return table.get(backend.getCurrentKey(), backend.currentKeyGroup(), namespace);
    }

    protected final void putInternal(S value) {
        table.put(backend.getCurrentKey(), backend.currentKeyGroup(), namespace, value);
    }

    /**
     * The current namespace's values in the current key's group, or {@code null}: for a read of the
     * current key followed by a write ({@link #putInternal(HashMap, Object)}) with one namespace lookup.
     */
    protected final HashMap<K, S> valuesInternal() {
        return table.values(backend.currentKeyGroup(), namespace);
    }

    /** Reads the current key's value from {@code values} (from {@link #valuesInternal()}), which may be {@code null}. */
    protected final S getInternal(HashMap<K, S> values) {
        return values == null ? null : values.get(backend.getCurrentKey());
    }

    /** Writes the current key's value into {@code values} (from {@link #valuesInternal()}), or into a new map if {@code null}. */
    protected final void putInternal(HashMap<K, S> values, S value) {
        if (values == null) {
            putInternal(value);
        } else {
            values.put(backend.getCurrentKey(), value);
        }
    }

    @Override
    public void clear() {
        table.remove(backend.getCurrentKey(), backend.currentKeyGroup(), namespace);
    }

    /**
     * Moves the values of {@code sources} into {@code target}, combined with {@link #mergeState};
     * for the merging states (list, reducing, aggregating) only.
     */
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        K key = backend.getCurrentKey();
        int keyGroup = backend.currentKeyGroup();
        S merged = null;
        for (N source : sources) {
            if (source.equals(target)) {
                continue;
            }
            S value = table.get(key, keyGroup, source);
            if (value != null) {
                table.remove(key, keyGroup, source);
                merged = merged == null ? value : mergeState(merged, value);
            }
        }
        if (merged != null) {
            S current = table.get(key, keyGroup, target);
            table.put(key, keyGroup, target, current == null ? merged : mergeState(current, merged));
        }
    }

    /** Combines two values of this state; may return (and change) {@code a}. */
    protected S mergeState(S a, S b) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be merged.");
    }
}
