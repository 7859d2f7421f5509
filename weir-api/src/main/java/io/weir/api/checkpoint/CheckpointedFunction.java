package io.weir.api.checkpoint;

import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;

/**
 * A function that keeps state of its own (non-keyed operator state, or fields it mirrors into
 * state) in checkpoints. The operator that runs it calls:
 * <ul>
 *   <li>{@link #initializeState} once, before {@code open}: register the states here (in the
 *       operator state store, or the keyed state store on a keyed stream) and, when
 *       {@code context.isRestored()}, read back what the last checkpoint held;
 *   <li>{@link #snapshotState} on every checkpoint, between two elements: write into the
 *       registered states what is not there yet (for example a counter kept in a field).
 * </ul>
 *
 * <p>Threading: both are called on the task's thread, never while an element is processed. For a
 * {@code SourceFunction}, whose {@code run} has its own thread, {@code snapshotState} is called
 * holding the checkpoint lock: emit and change the function's fields inside
 * {@code synchronized (ctx.getCheckpointLock())} so that a snapshot never sees half an update.
 */
public interface CheckpointedFunction {
    /** Copies the function's state into its registered states for checkpoint {@code context.getCheckpointId()}. */
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    /** Registers the function's states and, after a restore, reads them back. Called before {@code open}. */
    void initializeState(FunctionInitializationContext context) throws Exception;
}
