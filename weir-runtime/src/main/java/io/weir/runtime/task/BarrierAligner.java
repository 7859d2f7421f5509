package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointBarrier;

/**
 * Aligns the barriers of one checkpoint over a task's channels for exactly-once checkpoints: the
 * first barrier of checkpoint n starts the alignment, every channel that delivered it is blocked,
 * and when all open channels have, the task snapshots and every channel is unblocked. A barrier of
 * a newer checkpoint during alignment aborts the older one; barriers of checkpoints older than the
 * current one are stale (their checkpoint was aborted) and ignored. A channel that ends counts as
 * aligned.
 *
 * <p>It measures how long each alignment took, from the first barrier to the last
 * ({@link #lastAlignmentNanos()}, the task's {@code checkpointAlignmentTime} metric): two
 * {@code System.nanoTime()} calls per checkpoint.
 *
 * <p>Threading: used by the task's thread only, except {@link #lastAlignmentNanos()}, which metric
 * reporters read.
 */
final class BarrierAligner implements CheckpointBarrierHandler {
    private final Checkpointable task;
    private final boolean[] open;
    private final boolean[] blocked;
    private int openChannels;
    private long currentCheckpoint = -1;
    private CheckpointBarrier currentBarrier;
    private boolean aligning;
    private int arrived;
    private boolean unblocked;
    private long alignmentStartNanos;
    private volatile long lastAlignmentNanos;

    /** @param connected per channel index, whether that channel is connected (will deliver barriers) */
    BarrierAligner(boolean[] connected, Checkpointable task) {
        this.task = task;
        this.open = connected.clone();
        this.blocked = new boolean[connected.length];
        for (boolean c : connected) {
            openChannels += c ? 1 : 0;
        }
    }

    @Override
    public boolean onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
        long id = barrier.id();
        if (id < currentCheckpoint || (id == currentCheckpoint && !aligning)) {
            return false; // stale: that checkpoint was aborted here or already taken
        }
        if (id > currentCheckpoint) {
            if (aligning) {
                long older = currentCheckpoint;
                releaseAll();
                task.abortCheckpointOnBarrier(older, "barrier of newer checkpoint " + id + " arrived first");
            }
            currentCheckpoint = id;
            currentBarrier = barrier;
            aligning = true;
            arrived = 0;
            alignmentStartNanos = System.nanoTime();
        }
        if (blocked[channel]) {
            throw new IllegalStateException("Channel " + channel + " delivered the barrier of checkpoint " + id
                    + " twice");
        }
        blocked[channel] = true;
        arrived++;
        return !completeIfAligned(barrier);
    }

    @Override
    public void onChannelEnded(int channel) throws Exception {
        if (!open[channel]) {
            return;
        }
        open[channel] = false;
        openChannels--;
        if (aligning) {
            completeIfAligned(currentBarrier);
        }
    }

    @Override
    public void onCheckpointAborted(long checkpointId) {
        if (aligning && checkpointId == currentCheckpoint) {
            releaseAll();
        } else if (checkpointId > currentCheckpoint) {
            currentCheckpoint = checkpointId; // its barriers, still to come, are stale
        }
    }

    /**
     * Stops aligning checkpoint {@code checkpointId} without a snapshot, because the task takes it
     * unaligned: every channel is unblocked, and the barriers of that checkpoint still to come are
     * stale here. Returns which channels had delivered its barrier (all {@code false} if it was not
     * being aligned).
     */
    boolean[] abandon(long checkpointId) throws Exception {
        boolean[] delivered = new boolean[blocked.length];
        if (aligning && checkpointId == currentCheckpoint) {
            System.arraycopy(blocked, 0, delivered, 0, blocked.length);
            releaseAll();
        } else if (checkpointId > currentCheckpoint) {
            if (aligning) {
                long older = currentCheckpoint;
                releaseAll();
                task.abortCheckpointOnBarrier(older, "checkpoint " + checkpointId + " went unaligned first");
            }
            currentCheckpoint = checkpointId;
        }
        return delivered;
    }

    /** Whether checkpoint {@code checkpointId} was taken here already, or given up. */
    boolean isDone(long checkpointId) {
        return checkpointId < currentCheckpoint || (checkpointId == currentCheckpoint && !aligning);
    }

    /** Completes the alignment when every open channel has delivered the barrier; says whether it did. */
    private boolean completeIfAligned(CheckpointBarrier barrier) throws Exception {
        if (arrived < openChannels) {
            return false;
        }
        releaseAll();
        lastAlignmentNanos = System.nanoTime() - alignmentStartNanos;
        task.triggerCheckpointOnBarrier(barrier);
        return true;
    }

    private void releaseAll() {
        aligning = false;
        arrived = 0;
        for (int i = 0; i < blocked.length; i++) {
            if (blocked[i]) {
                blocked[i] = false;
                unblocked = true;
            }
        }
    }

    @Override
    public long lastAlignmentNanos() {
        return lastAlignmentNanos;
    }

    @Override
    public boolean isBlocked(int channel) {
        return blocked[channel];
    }

    @Override
    public boolean takeUnblocked() {
        boolean was = unblocked;
        unblocked = false;
        return was;
    }
}
