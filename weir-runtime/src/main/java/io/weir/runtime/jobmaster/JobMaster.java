package io.weir.runtime.jobmaster;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.accumulators.JobAccumulators;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.checkpoint.CheckpointMetrics;
import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CompletedCheckpointRecorder;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.checkpoint.JobTopology;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.checkpoint.TaskStateHandle;
import io.weir.runtime.collect.CollectCoordinator;
import io.weir.runtime.collect.CollectResults;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.exchange.ConnectionPattern;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.ResultKey;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.resourcemanager.ResourceManager;
import io.weir.runtime.resourcemanager.Slot;
import io.weir.runtime.restart.RestartStrategies;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskDeployment;
import io.weir.api.metrics.Gauge;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: asks the resource manager for slots, starts the operator coordinators, deploys one
 * task per subtask, follows their states, restarts the job from its latest checkpoint when a task
 * fails (as its restart strategy allows), and completes the job's result.
 *
 * <p>What happens when is decided by two state machines this class feeds with events and whose
 * commands it carries out: {@link JobLifecycle} (deploy, cancel, restart, end) and, when
 * checkpointing is enabled, the {@link io.weir.runtime.checkpoint.CheckpointCoordinator} (through
 * {@link JobCheckpointing}).
 *
 * <h2>Threading</h2>
 * All state lives on the JobMaster's main thread ({@link RpcEndpoint}); coordinators run there too.
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph job;
    private final ResourceManager resourceManager;
    private final Clock clock;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final JobLifecycle lifecycle;
    private final JobCheckpointing checkpointing;
    private final OperatorCoordinators coordinators;
    private final ScheduledExecutorService timers;
    private final ExecutorService io;
    private final CheckpointStorage storage;
    private final RecoveryPoint recovery;
    private final Map<TaskKey, Slot> slotOf = new HashMap<>();
    /** The slots lost with their TaskManagers, replaced before the next attempt. */
    private final LostSlots lostSlots = new LostSlots();
    private final JobAccumulators<ExecutionAttemptId> accumulators = new JobAccumulators<>(this::describe);
    private volatile JobAccumulators.Merged finalAccumulators;
    private volatile JobStatus finalStatus;
    /** Set when the job is {@link #suspend suspended} rather than cancelled: its checkpoints are kept. */
    private volatile boolean suspended;
    private long startMillis;
    // monitoring: the snapshot's times, the final snapshot, the job's JobManager metrics
    private final JobTimeline timeline;
    private volatile JobDetails finalDetails;
    private volatile int restarts;
    private ScopedMetricGroup metrics;
    /** Deploys a job with blocking exchanges stage by stage; {@code null} for a pipelined job. */
    private final StageScheduler stages;
    /** Which subtasks of a staged job finished, and where their results are kept; {@code null} for a pipelined job. */
    private final FinishedSubtasks finishedSubtasks;
    /** What each task of a staged job restores, for the attempt being deployed. */
    private Map<TaskKey, TaskStateSnapshot> stagedRestore = Map.of();

    public JobMaster(JobGraph job, ResourceManager resourceManager, Clock clock) {
        this(job, resourceManager, clock, CompletedCheckpointRecorder.NONE);
    }

    /** @param recorder records each completed checkpoint (see its contract), for a highly available cluster */
    public JobMaster(JobGraph job, ResourceManager resourceManager, Clock clock,
            CompletedCheckpointRecorder recorder) {
        super("weir-jobmaster-" + job.getJobId().toHexString().substring(0, 8));
        this.job = job;
        this.resourceManager = resourceManager;
        this.clock = clock;
        this.timeline = new JobTimeline(clock);
        String shortId = job.getJobId().toHexString().substring(0, 8);
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("weir-jobmaster-" + shortId + "-timers"));
        this.io = Executors.newCachedThreadPool(daemon("weir-jobmaster-" + shortId + "-io"));
        CheckpointingSettings settings = CheckpointingSettings.of(job.getConfiguration());
        this.stages = job.hasBlockingExchanges() ? new StageScheduler(job, this::deployStaged) : null;
        this.finishedSubtasks = stages != null ? FinishedSubtasks.of(job) : null;
        this.lifecycle = new JobLifecycle(allTasks(), RestartStrategies.fromConfiguration(job.getConfiguration(),
                settings.enabled()), clock, new LifecycleCommands());
        this.coordinators = new OperatorCoordinators(job, this::sendToSubtask, this::failFromCoordinator, this::runAsync);
        this.storage = CheckpointStorage.create(settings, job.getJobId());
        this.recovery = new RecoveryPoint(job, storage);
        // also without periodic checkpoints: savepoints are taken on demand
        this.checkpointing = new JobCheckpointing(settings, storage, clock, this::runAsync, timers, io,
                new CheckpointedJob(), recovery.initial(), recorder);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private Set<TaskKey> allTasks() {
        Set<TaskKey> tasks = new HashSet<>();
        for (JobVertex vertex : job.getVertices()) {
            for (int i = 0; i < vertex.getParallelism(); i++) {
                tasks.add(new TaskKey(vertex.getId(), i));
            }
        }
        return tasks;
    }

    public JobID jobId() {
        return job.getJobId();
    }

    public JobGraph jobGraph() {
        return job;
    }

    /** Completes when the job ends: with its result, or exceptionally with a {@link JobExecutionException}. */
    public CompletableFuture<JobExecutionResult> result() {
        return result;
    }

    public CompletableFuture<JobStatus> status() {
        JobStatus ended = finalStatus;
        return ended != null ? CompletableFuture.completedFuture(ended) : callAsync(lifecycle::status);
    }

    /** How often the job restarted so far. */
    public CompletableFuture<Integer> numRestarts() {
        return callAsync(lifecycle::restarts);
    }

    /**
     * The latest completed checkpoint, or {@code null}; without checkpoints, the savepoint or checkpoint
     * the job started from ({@code execution.state-recovery.path}), if any.
     */
    public CompletableFuture<CompletedCheckpoint> latestCompletedCheckpoint() {
        return callAsync(() -> checkpointing.coordinator().latestCompleted());
    }

    /**
     * Takes a savepoint of the running job into a new directory under {@code directory}, or under
     * {@code execution.checkpointing.savepoint-dir} when it is {@code null}; completes with the
     * savepoint's path. A stopping savepoint ({@link SnapshotType#isSynchronous()}) completes once the
     * job has finished after it.
     */
    public CompletableFuture<String> triggerSavepoint(String directory, SnapshotType type) {
        try {
            return composeAsync(() -> startSavepoint(directory, type));
        } catch (RejectedExecutionException ended) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job " + job.getJobId()
                    + " has ended: a savepoint can only be taken of a running job"));
        }
    }

    private CompletableFuture<String> startSavepoint(String directory, SnapshotType type) {
        String parent = directory != null ? directory
                : job.getConfiguration().getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY).orElse(null);
        if (parent == null || parent.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("No savepoint directory: pass one "
                    + "(for example `bin/weir savepoint <job id> <dir>`) or set "
                    + CheckpointingOptions.SAVEPOINT_DIRECTORY.key() + " (formerly state.savepoints.dir)"));
        }
        JobStatus status = lifecycle.status();
        if (status != JobStatus.RUNNING) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job '" + job.getName() + "' ("
                    + job.getJobId() + ") is " + status + ": a savepoint can only be taken of a running job"));
        }
        CompletableFuture<String> path = checkpointing.triggerSavepoint(type, parent, job.getJobId());
        if (!type.isSynchronous()) {
            return path;
        }
        return path.thenCompose(taken -> result.handle((finished, failure) -> {
            if (failure != null) {
                throw new java.util.concurrent.CompletionException(new IllegalStateException("Savepoint " + taken
                        + " was taken, but the job did not finish after it: " + failure.getMessage(), failure));
            }
            return taken;
        }));
    }

    /**
     * Registers the job's JobManager-side metrics in {@code jobGroup}, which the JobMaster closes when
     * the job ends: {@code uptime} (milliseconds since the job started running, 0 before and after)
     * and {@code numRestarts}, and with checkpointing its checkpoint metrics. Called before {@link #start()}.
     */
    public void registerMetrics(ScopedMetricGroup jobGroup) {
        this.metrics = jobGroup;
        jobGroup.gauge("uptime", (Gauge<Long>) () -> {
            long started = startMillis;
            return started == 0 || finalStatus != null ? 0L : clock.millis() - started;
        });
        jobGroup.gauge("numRestarts", (Gauge<Integer>) () -> restarts);
        if (checkpointing != null) {
            checkpointing.registerMetrics(jobGroup);
        }
    }

    /** A snapshot of the job for monitoring, taken on the main thread; the final one once the job has ended. */
    public CompletableFuture<JobDetails> details() {
        JobDetails ended = finalDetails;
        if (ended == null) {
            try {
                return callAsync(this::snapshot);
            } catch (RejectedExecutionException closed) {
                ended = finalDetails;
            }
        }
        return CompletableFuture.completedFuture(ended);
    }

    private JobDetails snapshot() {
        assertMainThread();
        List<JobDetails.Vertex> vertices = new ArrayList<>();
        for (JobVertex vertex : job.getVertices()) {
            List<JobDetails.Subtask> subtasks = new ArrayList<>();
            for (int i = 0; i < vertex.getParallelism(); i++) {
                TaskKey task = new TaskKey(vertex.getId(), i);
                long[] times = timeline.times(task);
                Slot slot = slotOf.get(task);
                subtasks.add(new JobDetails.Subtask(i, lifecycle.attemptOf(task), lifecycle.executionState(task),
                        slot == null ? null : slot.taskExecutorId(), times[0], times[1]));
            }
            vertices.add(JobDetails.Vertex.of(vertex, subtasks));
        }
        JobStatus status = lifecycle.status();
        Map<JobStatus, Long> reached = timeline.reached();
        long end = status.isTerminal() ? reached.getOrDefault(status, clock.millis()) : -1;
        return new JobDetails(job.getJobId(), job.getName(), status, timeline.created(), end, reached,
                List.copyOf(vertices), timeline.failures(), checkpointing == null ? null : checkpointing.stats(),
                Map.copyOf(job.getConfiguration().toMap()));
    }

    /** Allocates slots and deploys the job; failures to start fail the job. */
    public void start() {
        runAsync(() -> {
            try {
                coordinators.createAndStart();
                recovery.checkInitial();
            } catch (Throwable t) {
                lifecycle.onStartFailed(t);
                return;
            }
            Map<String, Integer> demand = job.slotsPerSharingGroup();
            int needed = stages != null ? StageScheduler.slotsNeeded(job) : job.requiredSlots();
            String why = stages != null ? "for its largest stage, '" + StageScheduler.largest(job).getName()
                    + "' (a BATCH job runs stage by stage and needs as many slots as its highest operator parallelism)"
                    : describe(demand);
            resourceManager.requestSlots(job.getJobId(), needed, why)
                    .whenComplete((slots, error) -> runAsync(() -> {
                        if (error != null) {
                            lifecycle.onStartFailed(error instanceof java.util.concurrent.CompletionException
                                    ? error.getCause() : error);
                        } else if (lifecycle.status() != JobStatus.CREATED) {
                            resourceManager.releaseSlots(job.getJobId());
                        } else {
                            assignSlots(slots, demand);
                            startMillis = clock.millis();
                            timeline.reached(JobStatus.RUNNING);
                            lifecycle.onSlotsReady();
                        }
                    }));
        });
    }

    private void assignSlots(List<Slot> slots, Map<String, Integer> demand) {
        if (stages != null) {
            stages.setSlots(slots);
            return;
        }
        Map<String, Integer> firstSlotOfGroup = new HashMap<>();
        int next = 0;
        for (Map.Entry<String, Integer> group : demand.entrySet()) {
            firstSlotOfGroup.put(group.getKey(), next);
            next += group.getValue();
        }
        for (TaskKey task : allTasks()) {
            JobVertex vertex = job.getVertices().get(task.vertexId());
            slotOf.put(task, slots.get(firstSlotOfGroup.get(vertex.getSlotSharingGroup()) + task.subtaskIndex()));
        }
    }

    /** Carries out what the job's life cycle decides. */
    private final class LifecycleCommands implements JobLifecycle.Commands {
        /** Deploys the attempt; tasks whose slot was lost with its TaskManager first get new slots. */
        @Override
        public void deploy(int attempt) {
            if (stages != null) {
                replaceLostSlots(attempt, (lost, replacement) -> stages.replaceSlot(lost.slot(), replacement),
                        () -> startStages(attempt));
            } else { // the tasks that shared a lost slot share its replacement
                replaceLostSlots(attempt, (lost, replacement) -> lost.tasks().forEach(t -> slotOf.put(t, replacement)),
                        () -> deployInSlots(attempt));
            }
        }

        /**
         * Gets one slot for each slot lost with its TaskManager and hands each pair to {@code replace}
         * (on the main thread), then runs {@code deploy} if {@code attempt} is still the current one;
         * at once when no slot was lost. If no slots come, the attempt fails to deploy and the slots
         * stay lost.
         */
        private void replaceLostSlots(int attempt, java.util.function.BiConsumer<LostSlots.Lost, Slot> replace,
                Runnable deploy) {
            List<LostSlots.Lost> lost = lostSlots.takeAll();
            if (lost.isEmpty()) {
                deploy.run();
                return;
            }
            LOG.info("Job '{}' ({}) asks for {} slot(s) to replace those of lost TaskManagers", job.getName(),
                    job.getJobId(), lost.size());
            resourceManager.requestSlots(job.getJobId(), lost.size(), lost.size()
                    + " to replace slots of lost TaskManagers").whenComplete((slots, error) -> runIfRunning(() -> {
                        if (error != null) {
                            lostSlots.putBack(lost);
                            if (attempt == lifecycle.attempt()) {
                                lifecycle.onDeploymentFailed(error instanceof java.util.concurrent.CompletionException
                                        ? error.getCause() : error, "slot allocation");
                            }
                            return;
                        }
                        for (int i = 0; i < lost.size(); i++) {
                            replace.accept(lost.get(i), slots.get(i));
                        }
                        if (attempt == lifecycle.attempt()) {
                            deploy.run();
                        }
                    }));
        }

        private void startStages(int attempt) {
            try {
                stagedRestore = restoreForAttempt(attempt).tasks(); // staged (batch) jobs take no checkpoints
            } catch (Exception e) {
                LOG.warn("Job '{}' ({}) cannot restore its state", job.getName(), job.getJobId(), e);
                lifecycle.onDeploymentFailed(e, "state restore");
                return;
            }
            restarts = lifecycle.restarts();
            LOG.info("Job '{}' ({}) runs stage by stage{}", job.getName(), job.getJobId(),
                    attempt == 0 ? "" : " (attempt " + attempt + ")");
            checkpointing.tasksDeployed(allTasks());
            finishedSubtasks.clear(); // the whole job runs again
            stages.start();
        }

        /** Every exchange of a staged job is blocking, so each subtask is a region of its own, as in Flink. */
        @Override
        public Set<TaskKey> regionOf(TaskKey failed) {
            return stages == null ? null : Set.of(failed);
        }

        @Override
        public void scheduleRegionRestart(Set<TaskKey> region, Duration delay) {
            LOG.info("Job '{}' ({}) restarts {} in {} ms", job.getName(), job.getJobId(),
                    region.stream().map(t -> describe(attemptId(t, 0))).sorted().toList(), delay.toMillis());
            timers.schedule(() -> runIfRunning(() -> lifecycle.onRegionRestartDelayElapsed(region)),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void deployRegion(Set<TaskKey> region) {
            restarts = lifecycle.restarts();
            CompletedCheckpoint latest = checkpointing.coordinator().latestCompleted();
            for (TaskKey task : region) {
                coordinators.subtaskReset(job.getVertices().get(task.vertexId()), task.subtaskIndex(),
                        latest == null ? -1 : latest.id());
            }
            stages.restart(region);
        }

        private void deployInSlots(int attempt) {
            StateRestore.RestoredState restored;
            try {
                restored = restoreForAttempt(attempt);
            } catch (Exception e) {
                LOG.warn("Job '{}' ({}) cannot restore its state", job.getName(), job.getJobId(), e);
                lifecycle.onDeploymentFailed(e, "state restore");
                return;
            }
            timeline.deployed(allTasks());
            restarts = lifecycle.restarts();
            Map<TaskKey, String> taskExecutorOf = new HashMap<>();
            slotOf.forEach((task, slot) -> taskExecutorOf.put(task, slot.taskExecutorId()));
            for (TaskKey task : allTasks()) {
                ExecutionAttemptId id = attemptId(task, attempt);
                JobVertex vertex = job.getVertices().get(task.vertexId());
                TaskDeployment deployment = new TaskDeployment(job, vertex, task.subtaskIndex(), attempt,
                        restored.tasks().get(task), taskExecutorOf, restored.finishedTasks().contains(task));
                slotOf.get(task).taskExecutor().submitTask(deployment, id, JobMaster.this).whenComplete((ok, error) -> {
                    if (error != null) {
                        taskEnded(id, StreamTask.Outcome.FAILED, error);
                    }
                });
            }
            LOG.info("Job '{}' ({}) deployed {} tasks{}", job.getName(), job.getJobId(), slotOf.size(),
                    attempt == 0 ? "" : " (attempt " + attempt + ")");
            checkpointing.tasksDeployed(allTasks());
        }

        @Override
        public void cancelTasks(int attempt, List<TaskKey> tasks) {
            checkpointing.coordinator().suspend();
            if (stages != null && lifecycle.status() != JobStatus.RUNNING) {
                stages.stop(); // failing, restarting or cancelled: no further stage of this attempt
            }
            for (TaskKey task : tasks) {
                if (stages != null && !stages.isRunning(task)) { // not deployed (yet): it ends here
                    ExecutionAttemptId id = attemptId(task, attempt);
                    runAsync(() -> lifecycle.onTaskEnded(task, attempt, StreamTask.Outcome.CANCELED, null, describe(id)));
                    continue;
                }
                Slot slot = slotOf.get(task);
                if (slot != null) { // none when its TaskManager was lost
                    slot.taskExecutor().cancelTask(attemptId(task, attempt));
                }
            }
        }

        @Override
        public void scheduleRestart(int attempt, Duration delay) {
            LOG.info("Job '{}' ({}) restarts in {} ms", job.getName(), job.getJobId(), delay.toMillis());
            timers.schedule(() -> {
                try {
                    runAsync(() -> lifecycle.onRestartDelayElapsed(attempt));
                } catch (RejectedExecutionException ended) {
                    // the job ended meanwhile
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void jobEnded(JobStatus status, Throwable failure, String failedTask) {
            endJob(status, failure, failedTask);
        }
    }

    /**
     * Deploys one task of a staged job into {@code slot}, then asks the TaskManagers that hold its
     * inputs (the finished results of its producers) to send them to it.
     */
    private void deployStaged(TaskKey task, Slot slot) {
        int attempt = lifecycle.attemptOf(task);
        ExecutionAttemptId id = attemptId(task, attempt);
        JobVertex vertex = job.getVertices().get(task.vertexId());
        slotOf.put(task, slot);
        finishedSubtasks.deployed(task);
        timeline.deployed(Set.of(task));
        Map<TaskKey, String> taskExecutorOf = new HashMap<>();
        slotOf.forEach((t, s) -> taskExecutorOf.put(t, s.taskExecutorId()));
        TaskDeployment deployment = new TaskDeployment(job, vertex, task.subtaskIndex(), attempt,
                stagedRestore.get(task), taskExecutorOf);
        slot.taskExecutor().submitTask(deployment, id, this).whenComplete((ok, error) -> {
            if (error != null) {
                taskEnded(id, StreamTask.Outcome.FAILED, error);
            }
        });
        int bufferSize = job.getConfiguration().get(TaskManagerOptions.MEMORY_SEGMENT_SIZE)
                .getBytesAsInt();
        ExchangeKey consumer = new ExchangeKey(job.getJobId(), attempt, vertex.getId(), task.subtaskIndex());
        for (JobEdge input : vertex.getInputs()) {
            JobVertex producer = input.producer();
            for (int i : ConnectionPattern.producersOf(input.streamEdge().exchange(), task.subtaskIndex(),
                    producer.getParallelism(), vertex.getParallelism())) {
                Slot producedIn = slotOf.get(new TaskKey(producer.getId(), i));
                if (producedIn == null) { // not expected: the scheduler waits until lost results were produced again
                    taskEnded(id, StreamTask.Outcome.FAILED, new IllegalStateException("The result of "
                            + describe(attemptId(new TaskKey(producer.getId(), i), 0)) + " that " + describe(id)
                            + " reads was lost with its TaskManager and is not produced again yet"));
                    return;
                }
                producedIn.taskExecutor().sendBlockingResult(
                        new ResultKey(job.getJobId(), input.id(), i, task.subtaskIndex()), consumer,
                        slot.taskExecutorId(), bufferSize).whenComplete((ok, error) -> {
                            if (error != null) {
                                taskEnded(id, StreamTask.Outcome.FAILED, error);
                            }
                        });
            }
        }
    }

    /** The state each task of an attempt restores (see {@link RecoveryPoint}). */
    private StateRestore.RestoredState restoreForAttempt(int attempt) throws Exception {
        CompletedCheckpoint latest = checkpointing.coordinator().latestCompleted();
        return recovery.stateFor(attempt, latest, coordinators);
    }

    private ExecutionAttemptId attemptId(TaskKey task, int attempt) {
        return new ExecutionAttemptId(job.getJobId(), task.vertexId(), task.subtaskIndex(), attempt);
    }

    /**
     * The TaskManager {@code taskExecutorId} was lost (no heartbeat): the tasks it ran fail, and the
     * job fails over per its restart strategy; their slots are replaced before the next attempt. A
     * running staged job runs again only what was lost there ({@link #stagedTaskExecutorLost}).
     */
    public void taskExecutorLost(String taskExecutorId, String reason) {
        runIfRunning(() -> {
            if (stages != null && lifecycle.status() == JobStatus.RUNNING) {
                stagedTaskExecutorLost(taskExecutorId, reason);
                return;
            }
            List<TaskKey> lost = new ArrayList<>();
            slotOf.forEach((task, slot) -> {
                if (slot.taskExecutorId().equals(taskExecutorId)) {
                    lost.add(task);
                    lostSlots.add(slot, task);
                }
            });
            if (stages != null) { // also the slots no task of this attempt has used yet
                stages.slots().stream().filter(s -> s.taskExecutorId().equals(taskExecutorId))
                        .forEach(lostSlots::add);
            }
            lost.forEach(slotOf::remove);
            for (TaskKey task : lost) {
                taskEnded(attemptId(task, lifecycle.attemptOf(task)), StreamTask.Outcome.FAILED, new IllegalStateException(
                        "TaskManager " + taskExecutorId + " was lost: " + reason));
            }
        });
    }

    /**
     * A running staged (BATCH) job lost TaskManager {@code taskExecutorId}, as Flink handles it: only
     * what was there runs again. Its running tasks fail (each restarts alone); the finished subtasks
     * whose results were kept there and are still needed run again ({@link FinishedSubtasks}), and the
     * subtasks reading them wait until they have; every other finished subtask, every finished sink
     * above all, stays finished. Its slots are replaced at once; the tasks on other TaskManagers go on.
     */
    private void stagedTaskExecutorLost(String taskExecutorId, String reason) {
        IllegalStateException cause = new IllegalStateException("TaskManager " + taskExecutorId + " was lost: " + reason);
        String where = "TaskManager " + taskExecutorId;
        List<TaskKey> running = new ArrayList<>();
        slotOf.forEach((task, slot) -> {
            if (slot.taskExecutorId().equals(taskExecutorId) && stages.isRunning(task)) {
                running.add(task);
            }
        });
        slotOf.values().removeIf(slot -> slot.taskExecutorId().equals(taskExecutorId));
        List<Slot> gone = stages.slotsLost(taskExecutorId);
        Set<TaskKey> again = finishedSubtasks.taskExecutorLost(taskExecutorId);
        stages.resultsLost(again);
        if (!gone.isEmpty()) {
            replaceLostStagedSlots(gone);
        }
        if (!again.isEmpty()) {
            LOG.info("Job '{}' ({}): {} finished subtask(s) run again, their results were kept on lost TaskManager {}"
                    + " and are still needed: {}", job.getName(), job.getJobId(), again.size(), taskExecutorId,
                    again.stream().map(t -> describe(attemptId(t, 0))).toList());
            recordFailure(cause, where, taskExecutorId);
            lifecycle.onResultsLost(again, cause, where);
        }
        for (TaskKey task : running) {
            taskEnded(attemptId(task, lifecycle.attemptOf(task)), StreamTask.Outcome.FAILED, cause);
        }
    }

    /**
     * Asks for new slots in place of {@code gone}, lost with a TaskManager, and gives them to the stage
     * scheduler; if none come, the job fails over as a whole (per its restart strategy), with the
     * slots to replace before its next attempt.
     */
    private void replaceLostStagedSlots(List<Slot> gone) {
        LOG.info("Job '{}' ({}) asks for {} slot(s) to replace those of lost TaskManagers", job.getName(),
                job.getJobId(), gone.size());
        resourceManager.requestSlots(job.getJobId(), gone.size(), gone.size() + " to replace slots of lost TaskManagers")
                .whenComplete((slots, error) -> runIfRunning(() -> {
                    if (lifecycle.status().isTerminal()) {
                        resourceManager.releaseSlots(job.getJobId()); // came after the job ended
                    } else if (error != null) {
                        gone.forEach(lostSlots::add);
                        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                        recordFailure(cause, "slot allocation", null);
                        lifecycle.onGlobalFailure(cause, "slot allocation");
                    } else {
                        slots.forEach(stages::addSlot);
                    }
                }));
    }

    @Override
    public void taskEnded(ExecutionAttemptId attempt, StreamTask.Outcome outcome, Throwable taskFailure) {
        runAsync(() -> {
            TaskKey task = new TaskKey(attempt.vertexId(), attempt.subtaskIndex());
            boolean current = attempt.attemptNumber() == lifecycle.attemptOf(task);
            if (current) {
                timeline.taskEnded(task);
                if (outcome == StreamTask.Outcome.FAILED && taskFailure != null) {
                    Slot slot = slotOf.get(task);
                    recordFailure(taskFailure, describe(attempt), slot == null ? null : slot.taskExecutorId());
                }
            }
            lifecycle.onTaskEnded(task, attempt.attemptNumber(), outcome, taskFailure, describe(attempt));
            if (current && stages != null) {
                Slot slot = slotOf.get(task);
                if (lifecycle.executionState(task) == ExecutionState.FINISHED && slot != null) {
                    finishedSubtasks.finished(task, slot.taskExecutorId());
                }
                stages.taskEnded(task, outcome == StreamTask.Outcome.FINISHED);
            }
        });
    }

    @Override
    public void acknowledgeCheckpoint(ExecutionAttemptId attempt, long checkpointId, TaskStateHandle state,
            CheckpointMetrics metrics) {
        runIfRunning(() -> {
            if (attempt.attemptNumber() == lifecycle.attemptOf(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()))) {
                checkpointing.acknowledge(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()), checkpointId, state,
                        metrics);
            }
        });
    }

    @Override
    public void notifyEndOfData(ExecutionAttemptId attempt) {
        runIfRunning(() -> {
            if (attempt.attemptNumber() == lifecycle.attemptOf(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()))) {
                checkpointing.coordinator().onEndOfData(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()));
            }
        });
    }

    @Override
    public void declineCheckpoint(ExecutionAttemptId attempt, long checkpointId, String reason) {
        runIfRunning(() -> {
            if (attempt.attemptNumber() == lifecycle.attemptOf(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()))) {
                checkpointing.coordinator().onDecline(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()),
                        checkpointId, reason);
            }
        });
    }

    private void runIfRunning(Runnable action) {
        try {
            runAsync(action);
        } catch (RejectedExecutionException ended) {
            // a late message after the job ended
        }
    }

    private String describe(ExecutionAttemptId attempt) {
        JobVertex vertex = job.getVertices().get(attempt.vertexId());
        return vertex.getName() + " (" + (attempt.subtaskIndex() + 1) + "/" + vertex.getParallelism() + ")";
    }

    @Override
    public void reportAccumulators(ExecutionAttemptId attempt, Map<String, Accumulator<?, ?>> reported) {
        runIfRunning(() -> {
            if (finalStatus == null
                    && attempt.attemptNumber() == lifecycle.attemptOf(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()))) {
                accumulators.update(attempt, reported);
            }
        });
    }

    /**
     * The accumulators merged over the subtasks: the latest reports while the job runs, the final
     * values once it has ended. Fails if accumulators of different types share a name.
     */
    public CompletableFuture<Map<String, Object>> accumulators() {
        JobAccumulators.Merged ended = finalAccumulators;
        if (ended == null) {
            try {
                return callAsync(accumulators::merge).thenCompose(JobAccumulators.Merged::toFuture);
            } catch (RejectedExecutionException closed) {
                ended = finalAccumulators;
            }
        }
        return ended.toFuture();
    }

    /** Cancels the job; completes when it has ended. */
    public CompletableFuture<Void> cancel() {
        if (finalStatus == null) {
            runIfRunning(lifecycle::cancel);
        }
        return result.handle((r, e) -> null);
    }

    /**
     * Stops the job in this JobManager without ending it for the cluster: the JobManager lost its
     * leadership, and the next leader resumes the job from its latest checkpoint. The tasks are told to
     * cancel but not waited for (their TaskManagers cancel them when they learn of the new leader), and
     * the job's checkpoints are kept whatever the retention setting. The result fails, saying so.
     *
     * @return completes when the job stopped here
     */
    public CompletableFuture<Void> suspend() {
        if (finalStatus == null) {
            runIfRunning(() -> {
                suspended = true;
                lifecycle.suspend();
            });
        }
        return result.handle((r, e) -> null);
    }

    private void endJob(JobStatus status, Throwable failure, String failedTask) {
        long runtime = startMillis == 0 ? 0 : clock.millis() - startMillis;
        Throwable jobFailure = status == JobStatus.FINISHED ? null
                : suspended ? new IllegalStateException("Job was suspended: its JobManager lost its leadership")
                : status == JobStatus.CANCELED ? new IllegalStateException("Job was cancelled") : failure;
        coordinators.jobEnded(jobFailure);
        checkpointing.coordinator().shutDown();
        if (!suspended) { // a suspended job's checkpoints are where the next leader resumes it
            io.execute(() -> storage.jobEnded(status));
        }
        resourceManager.releaseSlots(job.getJobId());
        JobAccumulators.Merged merged = accumulators.merge();
        finalAccumulators = merged;
        timeline.ended(status, failure, failedTask);
        finalDetails = snapshot();
        finalStatus = status;
        if (metrics != null) {
            metrics.close();
        }
        LOG.info("Job '{}' ({}) {} after {} ms", job.getName(), job.getJobId(), status, runtime);
        if (status == JobStatus.FINISHED) {
            result.complete(new JobExecutionResult(job.getJobId(), runtime, merged.results(), merged.failures()));
        } else if (status == JobStatus.CANCELED) {
            result.completeExceptionally(new JobExecutionException(job.getJobId(), "Job '" + job.getName() + "' was "
                    + (suspended ? "suspended: its JobManager lost its leadership, the next leader resumes it"
                            : "cancelled"), jobFailure));
        } else {
            String where = failedTask != null ? " because task '" + failedTask + "' failed" : "";
            String notRestarted = lifecycle.notRestartedBecause() == null ? ""
                    : "; it was not restarted because " + lifecycle.notRestartedBecause()
                            + " (change the restart-strategy.* options to allow more restarts)";
            result.completeExceptionally(new JobExecutionException(job.getJobId(),
                    "Job '" + job.getName() + "' failed" + where + ": " + failure + notRestarted, failure));
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        io.shutdown();
        super.close();
    }

    @Override
    public void sendEventToCoordinator(ExecutionAttemptId attempt, int operatorId, OperatorEvent event) {
        runIfRunning(() -> {
            if (attempt.attemptNumber() == lifecycle.attemptOf(new TaskKey(attempt.vertexId(), attempt.subtaskIndex()))) {
                coordinators.handleEvent(operatorId, attempt.subtaskIndex(), event);
            }
        });
    }

    @Override
    public CompletableFuture<Object> sendRequestToCoordinator(ExecutionAttemptId attempt, int operatorId,
            OperatorEvent request) {
        return composeAsync(() -> coordinators.handleRequest(operatorId, attempt.subtaskIndex(), request));
    }

    /**
     * Fetches results of a collect sink for the job's client. Once the job has ended the main thread
     * no longer touches the coordinators and may be gone, so the client drains them directly.
     */
    public CompletableFuture<CollectResults> fetchCollectResults(String collectId) {
        if (finalStatus == null) {
            try {
                return composeAsync(() -> fetchFrom(collectId));
            } catch (RejectedExecutionException ended) {
                // the job ended and this JobMaster closed between the check and the call
            }
        }
        return fetchFrom(collectId);
    }

    /**
     * The job's collect sinks' coordinators, for a cluster that keeps serving their last results to the
     * client after this JobMaster is gone. Only once the job has ended ({@link #result()} is complete).
     */
    public List<CollectCoordinator> endedCollectCoordinators() {
        if (finalStatus == null) {
            throw new IllegalStateException("Job " + job.getJobId() + " has not ended");
        }
        return coordinators.collectCoordinators();
    }

    private CompletableFuture<CollectResults> fetchFrom(String collectId) {
        CollectCoordinator collect = coordinators.collectCoordinator(collectId);
        return collect != null ? collect.fetch() : CompletableFuture.failedFuture(new IllegalArgumentException(
                "Job " + job.getJobId() + " has no collect sink " + collectId));
    }

    private void sendToSubtask(JobVertex vertex, int operatorId, int subtask, OperatorEvent event) {
        Slot slot = slotOf.get(new TaskKey(vertex.getId(), subtask));
        if (slot != null) {
            slot.taskExecutor().sendOperatorEvent(
                    new ExecutionAttemptId(job.getJobId(), vertex.getId(), subtask,
                            lifecycle.attemptOf(new TaskKey(vertex.getId(), subtask))), operatorId,
                    event);
        }
    }

    /**
     * An action of this JobMaster threw: its scheduling state may be half-changed, so the job fails
     * over as a whole (or fails, as its restart strategy says) instead of waiting forever for an
     * event that the broken action would have caused.
     */
    @Override
    protected void onUncaughtError(Throwable error) {
        LOG.error("Job '{}' ({}): an action of its JobMaster failed; the job fails over", job.getName(), job.getJobId(),
                error);
        if (finalStatus == null) {
            recordFailure(error, "JobMaster", null);
            lifecycle.onGlobalFailure(error, "JobMaster");
        }
    }

    private void failFromCoordinator(String where, Throwable t) {
        LOG.warn("{} in job {} failed", where, job.getJobId(), t);
        recordFailure(t, where, null);
        lifecycle.onGlobalFailure(t, where);
    }

    /** Adds a failure to the exception history, before the life cycle handles it. */
    private void recordFailure(Throwable cause, String where, String taskManagerId) {
        timeline.failed(cause, where, taskManagerId, lifecycle.status() == JobStatus.RUNNING);
    }

    private static String describe(Map<String, Integer> demand) {
        List<String> parts = new ArrayList<>();
        demand.forEach((group, slots) -> parts.add(slots + " for slot sharing group '" + group + "'"));
        return String.join(", ", parts) + "; a group needs as many slots as its highest operator parallelism";
    }

    /** What checkpoints need of this job. */
    private final class CheckpointedJob implements JobCheckpointing.RunningJob {
        @Override
        public boolean allTasksRunning() {
            return lifecycle.allTasksRunning();
        }

        @Override
        public Map<Integer, byte[]> snapshotCoordinators(long checkpointId) throws Exception {
            return coordinators.snapshot(checkpointId);
        }

        @Override
        public void triggerTasks(CheckpointBarrier barrier, Set<TaskKey> endedTasks) {
            for (JobVertex vertex : job.getVertices()) {
                for (int i = 0; i < vertex.getParallelism(); i++) {
                    TaskKey task = new TaskKey(vertex.getId(), i);
                    // no barrier reaches a chained source in-band: its task is triggered like a source task
                    if (vertex.getInputs().isEmpty() || vertex.hasChainedSources() || endedTasks.contains(task)) {
                        triggerTask(task, barrier);
                    }
                }
            }
        }

        @Override
        public void triggerTask(TaskKey task, CheckpointBarrier barrier) {
            Slot slot = slotOf.get(task);
            if (slot != null) { // none once its TaskManager was lost: the failover aborts the checkpoint
                slot.taskExecutor().triggerCheckpoint(attemptId(task, lifecycle.attempt()), barrier);
            }
        }

        @Override
        public void notifyTasks(long checkpointId, boolean completed) {
            int attempt = lifecycle.attempt();
            for (TaskKey task : allTasks()) {
                ExecutionAttemptId id = attemptId(task, attempt);
                Slot slot = slotOf.get(task);
                if (slot == null) {
                    // its TaskManager was lost (heartbeat timeout) before the tasks there failed, and the
                    // failover aborts the pending checkpoints: nobody there to tell
                    continue;
                }
                if (completed) {
                    slot.taskExecutor().notifyCheckpointComplete(id, checkpointId);
                } else {
                    slot.taskExecutor().notifyCheckpointAborted(id, checkpointId);
                }
            }
            if (completed) {
                coordinators.notifyCheckpointComplete(checkpointId);
            }
        }

        @Override
        public void failGlobally(Throwable cause) {
            recordFailure(cause, "checkpoint coordinator", null);
            lifecycle.onGlobalFailure(cause, "checkpoint coordinator");
        }

        @Override
        public JobTopology topology() {
            return JobTopology.of(job);
        }
    }
}
