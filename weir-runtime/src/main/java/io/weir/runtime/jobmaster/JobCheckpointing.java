package io.weir.runtime.jobmaster;

import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.checkpoint.CheckpointCoordinator;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointStatsTracker;
import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.JobTopology;
import io.weir.runtime.checkpoint.PendingCheckpoint;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's checkpoints on its JobMaster: owns the {@link CheckpointCoordinator} and carries out its
 * commands — timers, triggering the source tasks, writing metadata, notifying tasks.
 *
 * <h2>Threading</h2>
 * Every method runs on the JobMaster's main thread. Timers and storage work run elsewhere and hand
 * their results back through {@code mainThread}.
 */
final class JobCheckpointing implements CheckpointCoordinator.Commands {
    private static final Logger LOG = LoggerFactory.getLogger(JobCheckpointing.class);

    /** What checkpoints need of the running job. */
    interface RunningJob {
        /** Whether every task of the current attempt runs (none finished, none being cancelled). */
        boolean allTasksRunning();

        /** Snapshots the operator coordinators for a checkpoint; their states by operator id. */
        Map<Integer, byte[]> snapshotCoordinators(long checkpointId) throws Exception;

        void triggerSourceTasks(CheckpointBarrier barrier);

        void notifyTasks(long checkpointId, boolean completed);

        /** Fails the job as a whole (the restart strategy decides what follows). */
        void failGlobally(Throwable cause);

        /** The job's vertices and operators, recorded with each checkpoint. */
        JobTopology topology();
    }

    private final CheckpointStorage storage;
    private final Executor mainThread;
    private final ScheduledExecutorService timers;
    private final Executor io;
    private final RunningJob job;
    private final CheckpointCoordinator coordinator;
    private final CheckpointStatsTracker stats;
    private boolean warnedFinished;

    JobCheckpointing(CheckpointingSettings settings, CheckpointStorage storage, Clock clock, Executor mainThread,
            ScheduledExecutorService timers, Executor io, RunningJob job, CompletedCheckpoint restoredFrom) {
        this.storage = storage;
        this.mainThread = mainThread;
        this.timers = timers;
        this.io = io;
        this.job = job;
        this.coordinator = new CheckpointCoordinator(settings, clock, this, restoredFrom);
        this.stats = new CheckpointStatsTracker(settings, clock);
        if (restoredFrom != null) {
            stats.restored(restoredFrom);
        }
    }

    /** The checkpoint statistics, for monitoring. */
    CheckpointStats stats() {
        return stats.snapshot();
    }

    /** Registers the job's checkpoint metrics (see {@link CheckpointStatsTracker#registerMetrics}). */
    void registerMetrics(io.weir.api.metrics.MetricGroup jobGroup) {
        stats.registerMetrics(jobGroup);
    }

    CheckpointCoordinator coordinator() {
        return coordinator;
    }

    CheckpointStorage storage() {
        return storage;
    }

    /** The tasks of an attempt were deployed. */
    void tasksDeployed(Set<TaskKey> tasks) {
        if (coordinator.state() == CheckpointCoordinator.State.STOPPED) {
            coordinator.start(tasks);
        } else if (coordinator.state() == CheckpointCoordinator.State.SUSPENDED) {
            coordinator.resume(tasks);
            if (coordinator.latestCompleted() != null) {
                stats.restored(coordinator.latestCompleted()); // a failover restores the latest checkpoint
            }
        }
    }

    void acknowledge(TaskKey task, long checkpointId, TaskStateHandle state) {
        if (coordinator.onAcknowledge(task, checkpointId, state)) {
            stats.acknowledged(checkpointId, task, state == null ? 0 : state.size());
        }
    }

    @Override
    public Map<Integer, byte[]> triggerCheckpoint(CheckpointBarrier barrier) {
        if (!job.allTasksRunning()) {
            if (!warnedFinished) {
                warnedFinished = true;
                LOG.info("Checkpoint {} not taken: not every task of the job is running (checkpoints are only "
                        + "taken while all tasks run)", barrier.id());
            }
            return null;
        }
        Map<Integer, byte[]> coordinatorStates;
        try {
            coordinatorStates = job.snapshotCoordinators(barrier.id());
        } catch (Exception e) {
            LOG.warn("Checkpoint {} not taken: an operator coordinator failed to snapshot", barrier.id(), e);
            return null;
        }
        job.triggerSourceTasks(barrier);
        stats.triggered(barrier.id(), barrier.timestamp(),
                job.topology().parallelism().values().stream().mapToInt(Integer::intValue).sum());
        return coordinatorStates;
    }

    @Override
    public void scheduleTrigger(Duration delay, long token) {
        schedule(delay, () -> coordinator.onTriggerTimer(token));
    }

    @Override
    public void scheduleTimeout(long checkpointId, Duration timeout) {
        schedule(timeout, () -> coordinator.onTimeout(checkpointId));
    }

    private void schedule(Duration delay, Runnable onMainThread) {
        timers.schedule(() -> {
            try {
                mainThread.execute(onMainThread);
            } catch (RejectedExecutionException ended) {
                // the job ended and its JobMaster closed
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void commit(PendingCheckpoint checkpoint) {
        JobTopology topology = job.topology();
        io.execute(() -> {
            Runnable result;
            try {
                CompletedCheckpoint completed = storage.commit(checkpoint, topology);
                result = () -> {
                    LOG.info("Checkpoint {} completed: {} bytes of state{}", completed.id(), completed.stateSize(),
                            completed.externalPointer() == null ? "" : " in " + completed.externalPointer());
                    coordinator.onCommitted(completed);
                    if (coordinator.latestCompleted() == completed) { // not aborted while committing
                        stats.completed(completed.id(), completed.externalPointer());
                    }
                };
            } catch (Exception e) {
                result = () -> coordinator.onCommitFailed(checkpoint.id(), e);
            }
            try {
                mainThread.execute(result);
            } catch (RejectedExecutionException ended) {
                // the job ended meanwhile
            }
        });
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        job.notifyTasks(checkpointId, true);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId, String reason) {
        LOG.info("Checkpoint {} aborted: {}", checkpointId, reason);
        stats.failed(checkpointId, reason);
        job.notifyTasks(checkpointId, false);
    }

    @Override
    public void discard(long checkpointId) {
        io.execute(() -> storage.discard(checkpointId));
    }

    @Override
    public void failJob(Throwable cause) {
        job.failGlobally(cause);
    }
}
