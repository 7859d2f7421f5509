package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointBarrier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unaligned exactly-once checkpoints: the first barrier of checkpoint n, on any channel, makes the
 * task snapshot at once and pass the barrier on ahead of its queued output; no channel is blocked.
 * What the task then reads on a channel before that channel's barrier arrives is recorded as the
 * checkpoint's in-flight input (its effect is not in the snapshot, so a restore replays it); when
 * every open channel delivered the barrier the task acknowledges with what it recorded.
 *
 * <p>Aligned barriers (savepoints are always aligned) go to a {@link BarrierAligner}; both kinds
 * may be in progress at once, each consistent on its own.
 *
 * <h2>Alignment timeout</h2>
 * With {@code execution.checkpointing.aligned-checkpoint-timeout} above zero, checkpoints start
 * aligned and a task goes unaligned when its alignment has not finished by the checkpoint's start
 * plus the timeout ({@link #onAlignmentTimeout}), or when an upstream task that went unaligned sends
 * an unaligned barrier of the checkpoint: it stops aligning (the channels that delivered the
 * barrier are unblocked; what follows their barrier is after the checkpoint), snapshots, and records
 * the other channels until their barriers — which still come in order — arrive. What is already
 * queued before such a barrier is copied at once rather than read first, so the checkpoint does not
 * wait for a back-pressured task to work through its queue.
 *
 * <p>Threading: used by the task's thread only.
 */
final class UnalignedBarrierHandler implements CheckpointBarrierHandler {
    private final Checkpointable task;
    private final BarrierAligner aligned;
    private final boolean[] open;
    private final boolean[] pending;
    private int pendingCount;
    private long currentCheckpoint = -1;
    private boolean inProgress;
    private Map<Integer, List<byte[]>> recorded = new HashMap<>();

    UnalignedBarrierHandler(boolean[] connected, Checkpointable task) {
        this.task = task;
        this.aligned = new BarrierAligner(connected, task);
        this.open = connected.clone();
        this.pending = new boolean[connected.length];
    }

    @Override
    public boolean onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
        return onBarrier(channel, barrier, null, 0, 0);
    }

    @Override
    public boolean onBarrier(int channel, CheckpointBarrier barrier, byte[] unread, int from, int to)
            throws Exception {
        if (!barrier.unaligned()) {
            if (barrier.id() == currentCheckpoint && inProgress) {
                arrived(channel); // a checkpoint this task took unaligned: the channel's own barrier, in order
                return false;
            }
            return aligned.onBarrier(channel, barrier);
        }
        long id = barrier.id();
        if (id < currentCheckpoint || (id == currentCheckpoint && !inProgress)) {
            return false; // stale: aborted here, or already complete
        }
        if (id > currentCheckpoint) {
            if (inProgress) {
                abort("barrier of newer checkpoint " + id + " arrived first");
            }
            start(barrier);
            if (!inProgress) {
                return false;
            }
        }
        if (unread != null && pending[channel]) {
            record(channel, unread, from, to);
        }
        arrived(channel);
        return false;
    }

    /**
     * Snapshots for {@code barrier}'s checkpoint now; the channels that delivered its barrier aligned
     * before (if it started aligned) are not waited for.
     */
    private void start(CheckpointBarrier barrier) throws Exception {
        boolean[] delivered = aligned.abandon(barrier.id());
        currentCheckpoint = barrier.id();
        inProgress = true;
        recorded = new HashMap<>();
        pendingCount = 0;
        for (int i = 0; i < open.length; i++) {
            pending[i] = open[i] && !delivered[i];
            pendingCount += pending[i] ? 1 : 0;
        }
        task.triggerUnalignedCheckpoint(barrier.asUnaligned());
        if (pendingCount == 0) {
            finish();
        }
    }

    /**
     * The alignment of {@code barrier}'s checkpoint timed out: unless the task took it already, it
     * takes it unaligned now. {@code queuedAhead} holds, for channels whose barrier of it is queued,
     * everything of that channel still to be read before the barrier: recorded at once, and those
     * channels count as arrived.
     */
    @Override
    public void onAlignmentTimeout(CheckpointBarrier barrier, Map<Integer, List<byte[]>> queuedAhead)
            throws Exception {
        long id = barrier.id();
        if (id < currentCheckpoint || (id == currentCheckpoint && !inProgress) || aligned.isDone(id)) {
            return; // taken already (aligned or not), or given up
        }
        if (id > currentCheckpoint) {
            if (inProgress) {
                abort("checkpoint " + id + " timed out aligning first");
            }
            start(barrier);
        }
        for (Map.Entry<Integer, List<byte[]>> channel : queuedAhead.entrySet()) {
            if (!inProgress) {
                return;
            }
            if (pending[channel.getKey()]) {
                recorded.computeIfAbsent(channel.getKey(), c -> new ArrayList<>()).addAll(channel.getValue());
                arrived(channel.getKey());
            }
        }
    }

    private void arrived(int channel) throws Exception {
        if (pending[channel]) {
            pending[channel] = false;
            pendingCount--;
        }
        if (inProgress && pendingCount == 0) {
            finish();
        }
    }

    private void finish() throws Exception {
        inProgress = false;
        Map<Integer, List<byte[]>> inputs = recorded;
        recorded = new HashMap<>();
        task.finishUnalignedCheckpoint(currentCheckpoint, inputs);
    }

    private void abort(String reason) throws Exception {
        inProgress = false;
        recorded = new HashMap<>();
        Arrays.fill(pending, false);
        task.abortCheckpointOnBarrier(currentCheckpoint, reason);
    }

    @Override
    public void onChannelEnded(int channel) throws Exception {
        aligned.onChannelEnded(channel);
        if (!open[channel]) {
            return;
        }
        open[channel] = false;
        if (inProgress) {
            arrived(channel);
        }
    }

    @Override
    public void onCheckpointAborted(long checkpointId) throws Exception {
        aligned.onCheckpointAborted(checkpointId);
        if (inProgress && checkpointId == currentCheckpoint) {
            abort("the checkpoint coordinator aborted it");
        } else if (checkpointId > currentCheckpoint) {
            currentCheckpoint = checkpointId; // its barriers, still to come, are stale
        }
    }

    @Override
    public boolean isBlocked(int channel) {
        return aligned.isBlocked(channel);
    }

    @Override
    public boolean takeUnblocked() {
        return aligned.takeUnblocked();
    }

    @Override
    public boolean isRecording(int channel) {
        return inProgress && pending[channel];
    }

    @Override
    public void record(int channel, byte[] bytes, int from, int to) {
        if (to > from) {
            recorded.computeIfAbsent(channel, c -> new ArrayList<>()).add(Arrays.copyOfRange(bytes, from, to));
        }
    }
}
