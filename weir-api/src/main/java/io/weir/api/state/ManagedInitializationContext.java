package io.weir.api.state;

import java.util.OptionalLong;

/**
 * What an operator or function gets when its state is set up, before it processes anything: the
 * stores to register its state in and whether that state was restored from a checkpoint.
 */
public interface ManagedInitializationContext {
    /** Whether the state comes from a checkpoint or savepoint (the job was restarted or resumed). */
    boolean isRestored();

    /** The checkpoint the state was restored from, empty on a fresh start. */
    OptionalLong getRestoredCheckpointId();

    /** Non-keyed (operator) state: list, union list and broadcast state. */
    OperatorStateStore getOperatorStateStore();

    /** Keyed state, scoped to the current key; {@code null} when the operator's input is not keyed. */
    KeyedStateStore getKeyedStateStore();
}
