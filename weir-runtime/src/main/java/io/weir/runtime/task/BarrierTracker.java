package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointBarrier;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Counts the barriers of at-least-once checkpoints over a task's channels without blocking any:
 * when every open channel delivered the barrier of checkpoint n the task snapshots. Several
 * checkpoints may be in progress at once; a completed one subsumes the older ones still counting.
 *
 * <p>Threading: used by the task's thread only.
 */
final class BarrierTracker implements CheckpointBarrierHandler {
    private final Checkpointable task;
    private final boolean[] open;
    private int openChannels;
    private long latestTriggered = -1;
    /** Checkpoints whose barriers are arriving, oldest first. */
    private final ArrayDeque<Counting> counting = new ArrayDeque<>();

    /** The barrier of one checkpoint and how many channels delivered it. */
    private static final class Counting {
        final CheckpointBarrier barrier;
        int count;

        Counting(CheckpointBarrier barrier) {
            this.barrier = barrier;
        }
    }

    BarrierTracker(boolean[] connected, Checkpointable task) {
        this.task = task;
        this.open = connected.clone();
        for (boolean c : connected) {
            openChannels += c ? 1 : 0;
        }
    }

    @Override
    public boolean onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
        long id = barrier.id();
        if (id <= latestTriggered) {
            return false;
        }
        Counting entry = null;
        for (Counting e : counting) {
            if (e.barrier.id() == id) {
                entry = e;
            }
        }
        if (entry == null) {
            entry = new Counting(barrier);
            counting.add(entry);
        }
        entry.count++;
        if (entry.count >= openChannels) {
            trigger(barrier);
        }
        return false;
    }

    private void trigger(CheckpointBarrier barrier) throws Exception {
        latestTriggered = barrier.id();
        counting.removeIf(e -> e.barrier.id() <= barrier.id());
        task.triggerCheckpointOnBarrier(barrier);
    }

    @Override
    public void onChannelEnded(int channel) throws Exception {
        if (!open[channel]) {
            return;
        }
        open[channel] = false;
        openChannels--;
        for (Iterator<Counting> it = counting.iterator(); it.hasNext(); ) {
            Counting e = it.next();
            if (e.count >= openChannels) {
                trigger(e.barrier);
                return;
            }
        }
    }

    @Override
    public void onCheckpointAborted(long checkpointId) {
        counting.removeIf(e -> e.barrier.id() == checkpointId);
    }

    @Override
    public boolean isBlocked(int channel) {
        return false;
    }

    @Override
    public boolean takeUnblocked() {
        return false;
    }
}
