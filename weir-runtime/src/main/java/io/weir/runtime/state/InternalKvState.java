package io.weir.runtime.state;

import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.state.State;

/**
 * The operator's view of a keyed state: besides the key (set on the backend), state is scoped to
 * a namespace, such as the window being processed. Every state a {@link KeyedStateBackend} returns
 * implements this (with or without a time-to-live); a user function's state stays in the default
 * namespace.
 *
 * <p>Threading: the task's thread only.
 */
public interface InternalKvState<N> extends State {
    /** Scopes every following read and write of this state to {@code namespace}. */
    void setCurrentNamespace(N namespace);

    /**
     * Whether this state holds the values it is given as the objects themselves (the heap
     * backend's value state): a value read and changed in place is then changed in the state
     * without {@code update} (a snapshot still reading it is not affected: the heap backend copies
     * a value a snapshot may still read before it hands the value out). False for backends that
     * serialize values (RocksDB), where only {@code update} writes; a state that does not know says
     * false. A state with a time-to-live answers as the state under it, but only {@code update}
     * refreshes its time.
     */
    default boolean keepsValueObjects() {
        return false;
    }
}
