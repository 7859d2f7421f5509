package io.weir.runtime.state;

import io.weir.api.state.VoidNamespace;
import java.util.Collection;
import java.util.HashMap;
import java.util.function.BiFunction;

/**
 * Base of the heap states: reads and writes the value of the backend's current key in the current
 * namespace.
 */
abstract class HeapState<K, N, S> implements InternalKvState<N> {
    protected final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, N, S> table;
    @SuppressWarnings("unchecked")
    private N namespace = (N) VoidNamespace.INSTANCE;
    private final ComputeUpdate computeUpdate = new ComputeUpdate();

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

    /** The current namespace's values in the current key's group, or {@code null}. */
    private HashMap<K, S> valuesInternal() {
        return table.values(backend.currentKeyGroup(), namespace);
    }

    /**
     * Replaces the current key's value with {@code update}'s result in one lookup of the key (a
     * read followed by a write would look the key up twice). {@code update} gets the current value or
     * {@code null}; a {@code null} result leaves no value, as {@link #clear} does. An exception of
     * {@code update} leaves the value as it was. {@code update} must not use this state.
     */
    protected final void updateInternal(ValueUpdate<S> update) throws Exception {
        HashMap<K, S> values = valuesInternal();
        if (values == null) {
            S created = update.apply(null);
            if (created != null) {
                putInternal(created);
            }
            return;
        }
        computeUpdate.update = update;
        try {
            values.compute(backend.getCurrentKey(), computeUpdate);
        } finally {
            computeUpdate.update = null;
        }
        if (computeUpdate.failure != null) {
            Exception failure = computeUpdate.failure;
            computeUpdate.failure = null;
            throw failure;
        }
        if (computeUpdate.cleared) {
            computeUpdate.cleared = false;
            clear(); // through the table, which drops the namespace's map if it became empty
        }
    }

    /** A new value from the current one ({@code null} if none); see {@link #updateInternal}. */
    @FunctionalInterface
    protected interface ValueUpdate<S> {
        S apply(S current) throws Exception;
    }

    /**
     * {@link HashMap#compute}'s function for {@link #updateInternal}, one per state: it may not throw
     * checked exceptions nor remove through the map, so it keeps the value on either and reports.
     */
    private final class ComputeUpdate implements BiFunction<K, S, S> {
        ValueUpdate<S> update;
        Exception failure;
        boolean cleared;

        @Override
        public S apply(K key, S current) {
            S updated;
            try {
                updated = update.apply(current);
            } catch (Exception e) {
                failure = e;
                return current;
            }
            if (updated == null) {
                cleared = current != null;
                return current;
            }
            return updated;
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
