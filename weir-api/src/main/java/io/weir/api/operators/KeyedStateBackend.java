package io.weir.api.operators;

import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.types.TypeSerializer;

/**
 * Holds the keyed state of one operator subtask, organised by key group. All state returned is
 * scoped to the current key, which the runtime sets before each element, and to a namespace (a
 * user function's state stays in the default one; the runtime's window operators scope state to
 * a window through the runtime's own state interfaces).
 *
 * <p>Threading: used only from the task's thread.
 */
public interface KeyedStateBackend<K> {
    void setCurrentKey(K key);

    K getCurrentKey();

    /** The state for a descriptor; the same descriptor name always gives the same state. */
    <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor);

    /**
     * The state for a descriptor, scoped to {@code namespace} (a window); checkpoints write its
     * namespaces with {@code namespaceSerializer}. State used in namespaces other than
     * {@code VoidNamespace} must be obtained this way at least once so that it can be checkpointed.
     */
    <N, S extends State> S getPartitionedState(N namespace, TypeSerializer<N> namespaceSerializer,
            StateDescriptor<S, ?> descriptor);

    /** The keys that currently have a value in the named state (for end-of-input processing in batch mode). */
    java.util.List<K> getKeys(String stateName);

    /** Number of (key, state) entries over all states: for tests and metrics. */
    int numKeyValueStateEntries();
}
