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
        if (this.namespace != namespace) { // mostly the same window again: spare the store's write barrier
            this.namespace = namespace;
        }
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

    /**
     * Reads the current key's value from {@code values} (from {@link #valuesInternal()}), which may
     * be {@code null}.
     */
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

    /**
     * Stores {@code value} as the current key's value if it has none, else {@code merger.combine(current,
     * value)}: one lookup of the key (a read followed by a write would look it up twice), and, for the
     * garbage collector's sake, no reference stored in a field of this long-lived state on the way (a
     * store of a new object into an old one costs a write barrier with a memory fence). A {@code null}
     * result leaves no value, as {@link #clear} does; an exception of {@code merger} leaves the value as
     * it was. {@code merger} must not use this state.
     */
    protected final void mergeInternal(S value, Merger<S> merger) throws Exception {
        HashMap<K, S> values = valuesInternal();
        if (values == null) {
            putInternal(value);
            return;
        }
        merger.cleared = false;
        values.merge(backend.getCurrentKey(), value, merger);
        if (merger.failure != null) {
            Exception failure = merger.failure;
            merger.failure = null;
            throw failure;
        }
        if (merger.cleared) {
            clear(); // through the table, which drops the namespace's map if it became empty
        }
    }

    /**
     * Combines a current value with an added one for {@link #mergeInternal}. {@link HashMap#merge}'s
     * function may neither throw checked exceptions nor remove the key without going around the table,
     * so on either it keeps the current value and reports.
     */
    protected abstract static class Merger<S> implements BiFunction<S, S, S> {
        private Exception failure;
        private boolean cleared;

        /** The value of {@code current} combined with {@code added}; {@code null} for none. */
        protected abstract S combine(S current, S added) throws Exception;

        @Override
        public final S apply(S current, S added) {
            S combined;
            try {
                combined = combine(current, added);
            } catch (Exception e) {
                failure = e;
                return current;
            }
            if (combined == null) {
                cleared = true;
                return current;
            }
            return combined;
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
