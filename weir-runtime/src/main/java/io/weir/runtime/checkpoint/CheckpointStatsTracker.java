package io.weir.runtime.checkpoint;

import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.MetricGroup;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a job's checkpoints for monitoring and keeps the recent ones: its owner reports each
 * checkpoint's trigger, acknowledgements and end; {@link #snapshot()} hands out an immutable copy.
 * Only the latest {@link #HISTORY_SIZE} checkpoints are kept (as Flink's
 * {@code web.checkpoints.history} default), so its memory is bounded however long the job runs.
 *
 * <p>It also publishes Flink's checkpoint metrics of a job ({@link #registerMetrics}).
 *
 * <p>Threading: every method runs on the owner's thread (the JobMaster's main thread), except the
 * metrics' gauges, which reporters read on theirs: they read only the volatile fields.
 */
public final class CheckpointStatsTracker {
    public static final int HISTORY_SIZE = 10;
    /** How many completed checkpoints the duration and size summaries cover. */
    public static final int SUMMARY_SIZE = 1000;

    private final CheckpointingSettings settings;
    private final Clock clock;
    /** The recent checkpoints by id, oldest first. */
    private final LinkedHashMap<Long, Tracked> history = new LinkedHashMap<>();
    /** Duration and state size of the recent completed checkpoints, oldest first. */
    private final ArrayDeque<long[]> completedSamples = new ArrayDeque<>();
    // written on the owner's thread, read by the metrics' gauges
    private volatile int total;
    private volatile int completed;
    private volatile int failed;
    private volatile int inProgress;
    private volatile int restoredCount;
    private volatile long lastDuration = -1;
    private volatile long lastSize = -1;
    private volatile long lastCompletedId = -1;
    private volatile long lastRestoreTimestamp = -1;
    private CheckpointStats.Checkpoint latestCompleted;
    private CheckpointStats.Checkpoint latestSavepoint;
    private CheckpointStats.Checkpoint latestFailed;
    private CheckpointStats.Restored restored;

    public CheckpointStatsTracker(CheckpointingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A checkpoint or savepoint started; {@code numSubtasks} will acknowledge it. */
    public void triggered(long id, SnapshotType type, long timestamp, int numSubtasks) {
        total++;
        inProgress++;
        history.put(id, new Tracked(id, type, timestamp, numSubtasks));
        while (history.size() > HISTORY_SIZE) {
            Tracked oldest = history.remove(history.keySet().iterator().next());
            if (oldest.status == CheckpointStats.Status.IN_PROGRESS) {
                inProgress--; // it leaves the statistics; its end is no longer counted
            }
        }
    }

    public void acknowledged(long id, TaskKey task, long stateSize, CheckpointMetrics metrics) {
        Tracked checkpoint = history.get(id);
        if (checkpoint != null && checkpoint.status == CheckpointStats.Status.IN_PROGRESS) {
            long now = clock.millis();
            checkpoint.latestAck = Math.max(checkpoint.latestAck, now);
            checkpoint.subtasks.put(task, new CheckpointStats.Acknowledgement(now, stateSize, metrics));
        }
    }

    public void completed(long id, String externalPath) {
        Tracked checkpoint = ended(id, CheckpointStats.Status.COMPLETED);
        if (checkpoint != null) {
            completed++;
            checkpoint.externalPath = externalPath;
            CheckpointStats.Checkpoint done = checkpoint.snapshot();
            if (done.type().isSavepoint()) {
                latestSavepoint = done;
            } else {
                latestCompleted = done;
                lastDuration = done.duration();
                lastSize = done.stateSize();
                lastCompletedId = id;
            }
            completedSamples.add(new long[] {done.duration(), done.stateSize()});
            if (completedSamples.size() > SUMMARY_SIZE) {
                completedSamples.removeFirst();
            }
        }
    }

    /** The checkpoint was aborted: declined, expired, subsumed, or the job failed over or ended. */
    public void failed(long id, String reason) {
        Tracked checkpoint = ended(id, CheckpointStats.Status.FAILED);
        if (checkpoint != null) {
            failed++;
            checkpoint.failureMessage = reason;
            latestFailed = checkpoint.snapshot();
        }
    }

    /** The job (re)started from {@code checkpoint}. */
    public void restored(CompletedCheckpoint checkpoint) {
        restoredCount++;
        restored = new CheckpointStats.Restored(checkpoint.id(), clock.millis(), checkpoint.externalPointer());
        lastRestoreTimestamp = restored.restoreTimestamp();
    }

    private Tracked ended(long id, CheckpointStats.Status status) {
        Tracked checkpoint = history.get(id);
        if (checkpoint == null || checkpoint.status != CheckpointStats.Status.IN_PROGRESS) {
            return null;
        }
        checkpoint.status = status;
        checkpoint.end = clock.millis();
        inProgress--;
        return checkpoint;
    }

    public CheckpointStats snapshot() {
        List<CheckpointStats.Checkpoint> recent = new ArrayList<>();
        for (Tracked checkpoint : history.values()) {
            recent.add(0, checkpoint.snapshot());
        }
        return new CheckpointStats(settings,
                new CheckpointStats.Counts(restoredCount, total, inProgress, completed, failed),
                List.copyOf(recent), latestCompleted, latestSavepoint, latestFailed, restored, summary(0), summary(1));
    }

    /**
     * Registers Flink's checkpoint metrics of a job in {@code jobGroup}: {@code totalNumberOfCheckpoints},
     * {@code numberOfInProgressCheckpoints}, {@code numberOfCompletedCheckpoints},
     * {@code numberOfFailedCheckpoints} (savepoints included, as in Flink), {@code lastCheckpointDuration} (ms),
     * {@code lastCheckpointSize}
     * (bytes), {@code lastCompletedCheckpointId} (of checkpoints, not savepoints) and
     * {@code lastCheckpointRestoreTimestamp} (epoch ms); the {@code last...} ones are -1 until there
     * is such a checkpoint or restore.
     */
    public void registerMetrics(MetricGroup jobGroup) {
        jobGroup.gauge("totalNumberOfCheckpoints", (Gauge<Integer>) () -> total);
        jobGroup.gauge("numberOfInProgressCheckpoints", (Gauge<Integer>) () -> inProgress);
        jobGroup.gauge("numberOfCompletedCheckpoints", (Gauge<Integer>) () -> completed);
        jobGroup.gauge("numberOfFailedCheckpoints", (Gauge<Integer>) () -> failed);
        jobGroup.gauge("lastCheckpointDuration", (Gauge<Long>) () -> lastDuration);
        jobGroup.gauge("lastCheckpointSize", (Gauge<Long>) () -> lastSize);
        jobGroup.gauge("lastCompletedCheckpointId", (Gauge<Long>) () -> lastCompletedId);
        jobGroup.gauge("lastCheckpointRestoreTimestamp", (Gauge<Long>) () -> lastRestoreTimestamp);
    }

    private CheckpointStats.Summary summary(int field) {
        long[] values = new long[completedSamples.size()];
        int i = 0;
        for (long[] sample : completedSamples) {
            values[i++] = sample[field];
        }
        return CheckpointStats.Summary.of(values);
    }

    /** A checkpoint of the history, as it changes. */
    private static final class Tracked {
        final long id;
        final SnapshotType type;
        final long triggered;
        final int numSubtasks;
        final Map<TaskKey, CheckpointStats.Acknowledgement> subtasks = new HashMap<>();
        CheckpointStats.Status status = CheckpointStats.Status.IN_PROGRESS;
        long latestAck = -1;
        long end = -1;
        String failureMessage;
        String externalPath;

        Tracked(long id, SnapshotType type, long triggered, int numSubtasks) {
            this.id = id;
            this.type = type;
            this.triggered = triggered;
            this.numSubtasks = numSubtasks;
        }

        CheckpointStats.Checkpoint snapshot() {
            return new CheckpointStats.Checkpoint(id, type, status, triggered, latestAck, end, numSubtasks, failureMessage,
                    externalPath, Map.copyOf(subtasks));
        }
    }
}
