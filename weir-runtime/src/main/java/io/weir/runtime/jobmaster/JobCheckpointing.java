package io.weir.runtime.jobmaster;

import io.weir.api.metrics.MetricGroup;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.api.execution.JobID;
import io.weir.runtime.checkpoint.CheckpointCoordinator;
import io.weir.runtime.checkpoint.CheckpointDirectory;
import io.weir.runtime.checkpoint.CheckpointException;
import io.weir.runtime.checkpoint.CheckpointMetrics;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointStatsTracker;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CompletedCheckpointRecorder;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.JobTopology;
import io.weir.runtime.checkpoint.PendingCheckpoint;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

        /** Sends the barrier to the source tasks and to {@code endedTasks} (whose data ended), directly. */
        void triggerTasks(CheckpointBarrier barrier, Set<TaskKey> endedTasks);

        /** Sends the barrier to one task, directly. */
        void triggerTask(TaskKey task, CheckpointBarrier barrier);

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
    private final CompletedCheckpointRecorder recorder;
    // kept for the job's life (a few entries): a late commit or discard of an aborted savepoint still finds its directory
    private final Map<Long, Savepoint> savepoints = new HashMap<>();
    private boolean warnedFinished;

    /** A savepoint in progress: where it goes and who waits for its path. */
    private record Savepoint(CheckpointDirectory directory, CompletableFuture<String> path) {}

    JobCheckpointing(CheckpointingSettings settings, CheckpointStorage storage, Clock clock, Executor mainThread,
            ScheduledExecutorService timers, Executor io, RunningJob job, CompletedCheckpoint restoredFrom,
            CompletedCheckpointRecorder recorder) {
        this.storage = storage;
        this.recorder = recorder;
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
    void registerMetrics(MetricGroup jobGroup) {
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

    /**
     * Triggers a savepoint into a new directory under {@code parentDirectory}; the future completes with
     * the savepoint's path once its metadata is written, or exceptionally when it fails or cannot start.
     */
    CompletableFuture<String> triggerSavepoint(SnapshotType type, String parentDirectory, JobID jobId) {
        CheckpointDirectory directory = new CheckpointDirectory(new io.weir.api.fs.Path(
                CheckpointStorage.resolve(parentDirectory), savepointDirectoryName(jobId)));
        CompletableFuture<String> path = new CompletableFuture<>();
        try {
            long id = coordinator.triggerSavepoint(type, CheckpointStorage.pointer(directory.path()));
            savepoints.put(id, new Savepoint(directory, path));
            LOG.info("Savepoint {} ({}) triggered into {}", id, type, directory.path());
        } catch (CheckpointException e) {
            path.completeExceptionally(e);
        }
        return path;
    }

    /** {@code savepoint-<first 6 hex digits of the job id>-<12 random hex digits>}, as Flink names them. */
    private static String savepointDirectoryName(JobID jobId) {
        String random = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
                .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong()).array()).substring(0, 12);
        return "savepoint-" + jobId.toHexString().substring(0, 6) + "-" + random;
    }

    @Override
    public void savepointCompleted(CompletedCheckpoint savepoint, SnapshotType type) {
        Savepoint done = savepoints.get(savepoint.id());
        LOG.info("Savepoint {} completed: {} bytes of state in {}", savepoint.id(), savepoint.stateSize(),
                savepoint.externalPointer());
        stats.completed(savepoint.id(), savepoint.externalPointer());
        if (done != null) {
            done.path().complete(savepoint.externalPointer());
        }
    }

    @Override
    public void savepointFailed(long savepointId, SnapshotType type, String reason) {
        Savepoint failed = savepoints.get(savepointId);
        LOG.warn("Savepoint {} failed: {}", savepointId, reason);
        if (failed != null) {
            failed.path().completeExceptionally(new CheckpointException("Savepoint " + savepointId + " failed: " + reason));
        }
        if (type == SnapshotType.SAVEPOINT_TERMINATE) {
            // the sources already ended event time: going on would make every later record late
            job.failGlobally(new CheckpointException("Stop-with-savepoint with drain failed after the sources had "
                    + "advanced event time to its end (" + reason + "); the job restarts as its restart strategy says"));
        }
    }

    void acknowledge(TaskKey task, long checkpointId, TaskStateHandle state, CheckpointMetrics metrics) {
        if (coordinator.onAcknowledge(task, checkpointId, state)) {
            stats.acknowledged(checkpointId, task, state == null ? 0 : state.size(), metrics);
        }
    }

    @Override
    public Map<Integer, byte[]> triggerCheckpoint(CheckpointBarrier barrier, Set<TaskKey> endedTasks) {
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
        if (barrier.endsJob()) {
            LOG.info("Checkpoint {} is the job's final one: every task's data ended", barrier.id());
        }
        job.triggerTasks(barrier, endedTasks);
        stats.triggered(barrier.id(), barrier.type(), barrier.timestamp(),
                job.topology().parallelism().values().stream().mapToInt(Integer::intValue).sum());
        return coordinatorStates;
    }

    @Override
    public void triggerTask(TaskKey task, CheckpointBarrier barrier) {
        job.triggerTask(task, barrier);
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
        Savepoint savepoint = savepoints.get(checkpoint.id());
        io.execute(() -> {
            Runnable result;
            try {
                CompletedCheckpoint completed = savepoint != null ? savepoint.directory().commit(checkpoint, topology)
                        : storage.commit(checkpoint, topology);
                if (savepoint == null) {
                    recorder.completed(completed); // before the tasks commit side effects and older ones go
                }
                result = () -> {
                    if (savepoint == null) {
                        LOG.info("Checkpoint {} completed: {} bytes of state{}", completed.id(), completed.stateSize(),
                                completed.externalPointer() == null ? "" : " in " + completed.externalPointer());
                    }
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
        Savepoint savepoint = savepoints.get(checkpointId);
        io.execute(savepoint != null ? savepoint.directory()::delete : () -> storage.discard(checkpointId));
    }

    @Override
    public void failJob(Throwable cause) {
        job.failGlobally(cause);
    }
}
