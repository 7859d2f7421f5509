package io.weir.api.environment;

/**
 * What a checkpoint guarantees about the state it restores.
 *
 * <ul>
 *   <li>{@link #EXACTLY_ONCE}: after a restore every record is reflected in the state exactly once.
 *       Tasks with several input channels align the barriers: a channel that delivered the barrier
 *       waits until all have.
 *   <li>{@link #AT_LEAST_ONCE}: no alignment, so checkpoints take less time under backpressure, but
 *       records that arrived after an early barrier are reflected in the state and are processed
 *       again after a restore.
 * </ul>
 */
public enum CheckpointingMode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE
}
