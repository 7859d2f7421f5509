package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointBarrier;
import java.util.List;
import java.util.Map;

/**
 * Decides, for a task with input channels, when the barriers of a checkpoint have arrived and the
 * task must take its snapshot, and which channels must hold back their elements meanwhile.
 *
 * <p>Exactly-once needs alignment ({@link BarrierAligner}): a channel that delivered the barrier of
 * checkpoint n is blocked until every open channel delivered it, so that no element after the
 * barrier reaches the operators before the snapshot. At-least-once ({@link BarrierTracker}) blocks
 * nothing: the snapshot happens when the last barrier arrives, so elements after an early barrier
 * may be reflected in the snapshot too, and are replayed after a restore. Unaligned exactly-once
 * ({@link UnalignedBarrierHandler}) blocks nothing either: it snapshots at the first barrier and
 * records what arrives before the others as in-flight data.
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

        /**
         * The first barrier of an unaligned checkpoint arrived: snapshot and pass the barrier on ahead
         * of the queued output, but do not acknowledge yet.
         */
        default void triggerUnalignedCheckpoint(CheckpointBarrier barrier) throws Exception {
            throw new UnsupportedOperationException("unaligned checkpoints");
        }

        /** Every channel delivered the unaligned checkpoint's barrier: acknowledge with the recorded input. */
        default void finishUnalignedCheckpoint(long checkpointId, Map<Integer, List<byte[]>> recordedInputs)
                throws Exception {
            throw new UnsupportedOperationException("unaligned checkpoints");
        }
    }

    /** A barrier arrived on {@code channel}; says whether that channel is now blocked. */
    boolean onBarrier(int channel, CheckpointBarrier barrier) throws Exception;

    /**
     * An unaligned barrier arrived on {@code channel} ahead of {@code unread[from, to)}: elements of the
     * same channel the task had taken from the queue before the barrier overtook them, and will read
     * after it. They precede the barrier, so an unaligned checkpoint records them.
     */
    default boolean onBarrier(int channel, CheckpointBarrier barrier, byte[] unread, int from, int to)
            throws Exception {
        return onBarrier(channel, barrier);
    }

    /**
     * The alignment of {@code barrier}'s checkpoint ran out of time ({@code aligned-checkpoint-timeout});
     * {@code queuedAhead}: per channel whose barrier of it is queued, what precedes the barrier. Only
     * handlers of unaligned checkpoints act on it.
     */
    default void onAlignmentTimeout(CheckpointBarrier barrier, Map<Integer, List<byte[]>> queuedAhead)
            throws Exception {}

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

    /** Whether what is read on {@code channel} now belongs to an unaligned checkpoint's in-flight input. */
    default boolean isRecording(int channel) {
        return false;
    }

    /** Keeps {@code bytes[from, to)}, whole elements read on a recording channel. */
    default void record(int channel, byte[] bytes, int from, int to) {}

    static CheckpointBarrierHandler create(boolean exactlyOnce, boolean unaligned, boolean[] connected,
            Checkpointable task) {
        if (!exactlyOnce) {
            return new BarrierTracker(connected, task);
        }
        return unaligned ? new UnalignedBarrierHandler(connected, task) : new BarrierAligner(connected, task);
    }
}
