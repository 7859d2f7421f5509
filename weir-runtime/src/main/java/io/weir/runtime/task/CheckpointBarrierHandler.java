package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointBarrier;

/**
 * Decides, for a task with input channels, when the barriers of a checkpoint have arrived and the
 * task must take its snapshot, and which channels must hold back their elements meanwhile.
 *
 * <p>Exactly-once needs alignment ({@link BarrierAligner}): a channel that delivered the barrier of
 * checkpoint n is blocked until every open channel delivered it, so that no element after the
 * barrier reaches the operators before the snapshot. At-least-once ({@link BarrierTracker}) blocks
 * nothing: the snapshot happens when the last barrier arrives, so elements after an early barrier
 * may be reflected in the snapshot too, and are replayed after a restore.
 *
 * <p>Threading: used by the task's thread only.
 */
interface CheckpointBarrierHandler {

    /** What the handler asks of its task. */
    interface Checkpointable {
        /** All barriers of a checkpoint arrived: snapshot, pass the barrier on, acknowledge. */
        void triggerCheckpointOnBarrier(CheckpointBarrier barrier) throws Exception;

        /** A checkpoint cannot complete in this task (a newer barrier overtook it). */
        void abortCheckpointOnBarrier(long checkpointId, String reason) throws Exception;
    }

    /** A barrier arrived on {@code channel}; says whether that channel is now blocked. */
    boolean onBarrier(int channel, CheckpointBarrier barrier) throws Exception;

    /** {@code channel} ended: it will deliver no more barriers. */
    void onChannelEnded(int channel) throws Exception;

    /** The coordinator aborted {@code checkpointId}: stop waiting for its barriers. */
    void onCheckpointAborted(long checkpointId) throws Exception;

    /** Whether elements of {@code channel} must be held back now. */
    boolean isBlocked(int channel);

    /**
     * Nanoseconds the last completed barrier alignment took, from the first barrier to the last;
     * 0 without alignment (at-least-once). Any thread may call it.
     */
    default long lastAlignmentNanos() {
        return 0;
    }

    /** Whether some channel was unblocked since the last call; clears the flag. */
    boolean takeUnblocked();

    static CheckpointBarrierHandler create(boolean exactlyOnce, boolean[] connected, Checkpointable task) {
        return exactlyOnce ? new BarrierAligner(connected, task) : new BarrierTracker(connected, task);
    }
}
