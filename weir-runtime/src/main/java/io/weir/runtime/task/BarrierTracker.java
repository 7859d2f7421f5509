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
    /** Checkpoints whose barriers are arriving, oldest first: {id, count, timestamp}. */
    private final ArrayDeque<long[]> counting = new ArrayDeque<>();

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
        long[] entry = null;
        for (long[] e : counting) {
            if (e[0] == id) {
                entry = e;
            }
        }
        if (entry == null) {
            entry = new long[] {id, 0, barrier.timestamp()};
            counting.add(entry);
        }
        entry[1]++;
        if (entry[1] >= openChannels) {
            trigger(barrier);
        }
        return false;
    }

    private void trigger(CheckpointBarrier barrier) throws Exception {
        latestTriggered = barrier.id();
        counting.removeIf(e -> e[0] <= barrier.id());
        task.triggerCheckpointOnBarrier(barrier);
    }

    @Override
    public void onChannelEnded(int channel) throws Exception {
        if (!open[channel]) {
            return;
        }
        open[channel] = false;
        openChannels--;
        for (Iterator<long[]> it = counting.iterator(); it.hasNext(); ) {
            long[] e = it.next();
            if (e[1] >= openChannels) {
                trigger(new CheckpointBarrier(e[0], e[2]));
                return;
            }
        }
    }

    @Override
    public void onCheckpointAborted(long checkpointId) {
        counting.removeIf(e -> e[0] == checkpointId);
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
