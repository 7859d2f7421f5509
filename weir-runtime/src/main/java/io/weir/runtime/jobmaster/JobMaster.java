package io.weir.runtime.jobmaster;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.accumulators.JobAccumulators;
import io.weir.runtime.collect.CollectCoordinator;
import io.weir.runtime.collect.CollectResults;
import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.SubtaskGateway;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamNode;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.resourcemanager.ResourceManager;
import io.weir.runtime.resourcemanager.Slot;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskDeployment;
import java.time.Clock;
import io.weir.api.metrics.Gauge;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: asks the resource manager for slots, starts the operator coordinators, deploys one
 * task per subtask, follows their states, and completes the job's result.
 *
 * <h2>States</h2>
 * CREATED → RUNNING (tasks deployed) → FINISHED when all tasks finished; a failed task moves the
 * job to FAILING, which cancels the other tasks and ends FAILED with the task's exception as cause;
 * {@link #cancel()} moves to CANCELLING and ends CANCELED. There are no restarts yet.
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
    private final Map<ExecutionAttemptId, ExecutionState> executions = new LinkedHashMap<>();
    private final Map<ExecutionAttemptId, Slot> slotOf = new HashMap<>();
    private final Map<Integer, OperatorCoordinator> coordinators = new HashMap<>();
    private final Map<Integer, JobVertex> vertexOfOperator = new HashMap<>();
    private final JobAccumulators<ExecutionAttemptId> accumulators = new JobAccumulators<>(this::describe);
    private volatile JobAccumulators.Merged finalAccumulators;
    private JobStatus status = JobStatus.CREATED;
    private volatile JobStatus finalStatus;
    private Throwable failure;
    private String failedTask;
    private long startMillis;
    // monitoring: when the job reached each status, when each subtask started and ended, where the failure came from
    private final Map<JobStatus, Long> statusTimestamps = new EnumMap<>(JobStatus.class);
    private final Map<ExecutionAttemptId, long[]> taskTimes = new HashMap<>();
    private long failureTimestamp;
    private String failedTaskManager;
    private volatile JobDetails finalDetails;
    private ScopedMetricGroup metrics;

    public JobMaster(JobGraph job, ResourceManager resourceManager, Clock clock) {
        super("weir-jobmaster-" + job.getJobId().toHexString().substring(0, 8));
        this.job = job;
        this.resourceManager = resourceManager;
        this.clock = clock;
        statusTimestamps.put(JobStatus.CREATED, clock.millis());
    }

    /**
     * Registers the job's JobManager-side metrics ({@code uptime}: milliseconds since the job
     * started running, 0 before and after) in {@code jobGroup}, which the JobMaster closes when the
     * job ends. Called before {@link #start()}.
     */
    public void registerMetrics(ScopedMetricGroup jobGroup) {
        this.metrics = jobGroup;
        jobGroup.gauge("uptime", (Gauge<Long>) () -> {
            long started = startMillis;
            return started == 0 || finalStatus != null ? 0L : clock.millis() - started;
        });
    }

    /**
     * A snapshot of the job for monitoring, taken on the main thread; the final one once the job
     * has ended.
     */
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
                ExecutionAttemptId attempt = new ExecutionAttemptId(job.getJobId(), vertex.getId(), i, 0);
                long[] times = taskTimes.getOrDefault(attempt, new long[] {-1, -1});
                Slot slot = slotOf.get(attempt);
                subtasks.add(new JobDetails.Subtask(i, attempt.attemptNumber(),
                        executions.getOrDefault(attempt, ExecutionState.CREATED),
                        slot == null ? null : slot.taskExecutor().id(), times[0], times[1]));
            }
            List<String> operators = new ArrayList<>();
            vertex.getChain().forEach(node -> operators.add(node.getName()));
            List<JobDetails.Input> inputs = new ArrayList<>();
            vertex.getInputs().forEach(edge -> inputs.add(
                    new JobDetails.Input(edge.producer().idString(), edge.streamEdge().exchange().name())));
            vertices.add(new JobDetails.Vertex(vertex.idString(), vertex.getName(), vertex.getParallelism(),
                    vertex.getMaxParallelism(), List.copyOf(operators), List.copyOf(inputs), List.copyOf(subtasks)));
        }
        JobDetails.Failure failed = failure == null ? null
                : new JobDetails.Failure(failureTimestamp, failedTask, failedTaskManager, failure);
        long created = statusTimestamps.get(JobStatus.CREATED);
        long end = status.isTerminal() ? statusTimestamps.getOrDefault(status, clock.millis()) : -1;
        return new JobDetails(job.getJobId(), job.getName(), status, created, end, new EnumMap<>(statusTimestamps),
                List.copyOf(vertices), failed);
    }

    /** Sets the job's status and notes when it was reached. */
    private void moveTo(JobStatus next) {
        status = next;
        statusTimestamps.put(next, clock.millis());
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
        return ended != null ? CompletableFuture.completedFuture(ended) : callAsync(() -> status);
    }

    /** Allocates slots and deploys the job; failures to start fail the job. */
    public void start() {
        runAsync(() -> {
            try {
                createExecutions();
                startCoordinators();
            } catch (Throwable t) {
                failJobBeforeDeployment(t);
                return;
            }
            Map<String, Integer> demand = job.slotsPerSharingGroup();
            resourceManager.requestSlots(job.getJobId(), job.requiredSlots(), describe(demand))
                    .whenComplete((slots, error) -> runAsync(() -> {
                        if (error != null) {
                            failJobBeforeDeployment(error instanceof java.util.concurrent.CompletionException
                                    ? error.getCause() : error);
                        } else {
                            deploy(slots, demand);
                        }
                    }));
        });
    }

    private void createExecutions() {
        for (JobVertex vertex : job.getVertices()) {
            for (int i = 0; i < vertex.getParallelism(); i++) {
                executions.put(new ExecutionAttemptId(job.getJobId(), vertex.getId(), i, 0), ExecutionState.CREATED);
            }
            for (StreamNode node : vertex.getChain()) {
                vertexOfOperator.put(node.getId(), vertex);
            }
        }
    }

    private void startCoordinators() throws Exception {
        for (JobVertex vertex : job.getVertices()) {
            for (StreamNode node : vertex.getChain()) {
                OperatorCoordinator.Provider provider = node.getOperatorFactory().coordinatorProvider();
                if (provider == null) {
                    continue;
                }
                OperatorCoordinator coordinator = provider.create(new CoordinatorContext(vertex, node.getId()));
                coordinators.put(node.getId(), coordinator);
                coordinator.start();
            }
        }
    }

    private void deploy(List<Slot> slots, Map<String, Integer> demand) {
        if (status != JobStatus.CREATED) {
            resourceManager.releaseSlots(job.getJobId());
            return;
        }
        moveTo(JobStatus.RUNNING);
        startMillis = clock.millis();
        Map<String, Integer> firstSlotOfGroup = new HashMap<>();
        int next = 0;
        for (Map.Entry<String, Integer> group : demand.entrySet()) {
            firstSlotOfGroup.put(group.getKey(), next);
            next += group.getValue();
        }
        for (ExecutionAttemptId attempt : new ArrayList<>(executions.keySet())) {
            JobVertex vertex = job.getVertices().get(attempt.vertexId());
            Slot slot = slots.get(firstSlotOfGroup.get(vertex.getSlotSharingGroup()) + attempt.subtaskIndex());
            slotOf.put(attempt, slot);
            executions.put(attempt, ExecutionState.DEPLOYED);
            taskTimes.put(attempt, new long[] {clock.millis(), -1});
            TaskDeployment deployment = new TaskDeployment(job, vertex, attempt.subtaskIndex(), attempt.attemptNumber());
            slot.taskExecutor().submitTask(deployment, attempt, this).whenComplete((ok, error) -> {
                if (error != null) {
                    taskEnded(attempt, StreamTask.Outcome.FAILED, error);
                }
            });
        }
        LOG.info("Job '{}' ({}) deployed {} tasks", job.getName(), job.getJobId(), executions.size());
    }

    @Override
    public void taskEnded(ExecutionAttemptId attempt, StreamTask.Outcome outcome, Throwable taskFailure) {
        runAsync(() -> {
            ExecutionState previous = executions.get(attempt);
            if (previous == null || previous.isTerminal()) {
                return;
            }
            long[] times = taskTimes.get(attempt);
            if (times != null) {
                times[1] = clock.millis();
            }
            switch (outcome) {
                case FINISHED:
                    executions.put(attempt, ExecutionState.FINISHED);
                    break;
                case CANCELED:
                    executions.put(attempt, ExecutionState.CANCELED);
                    break;
                default:
                    executions.put(attempt, ExecutionState.FAILED);
                    if (failure == null && status == JobStatus.RUNNING) {
                        failure = taskFailure;
                        failedTask = describe(attempt);
                        failureTimestamp = clock.millis();
                        Slot slot = slotOf.get(attempt);
                        failedTaskManager = slot == null ? null : slot.taskExecutor().id();
                        moveTo(JobStatus.FAILING);
                        cancelRunningTasks();
                    }
            }
            checkJobEnd();
        });
    }

    private String describe(ExecutionAttemptId attempt) {
        JobVertex vertex = job.getVertices().get(attempt.vertexId());
        return vertex.getName() + " (" + (attempt.subtaskIndex() + 1) + "/" + vertex.getParallelism() + ")";
    }

    @Override
    public void reportAccumulators(ExecutionAttemptId attempt, Map<String, Accumulator<?, ?>> reported) {
        try {
            runAsync(() -> {
                if (finalStatus == null) {
                    accumulators.update(attempt, reported);
                }
            });
        } catch (RejectedExecutionException ended) {
            // a late periodic report after the job ended: the final values are already fixed
        }
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
        if (finalStatus != null) {
            return result.handle((r, e) -> null);
        }
        try {
            runAsync(this::cancelOnMainThread);
        } catch (RejectedExecutionException ended) {
            // the job ended and this JobMaster closed meanwhile: nothing left to cancel
        }
        return result.handle((r, e) -> null);
    }

    private void cancelOnMainThread() {
        if (status == JobStatus.RUNNING) {
            moveTo(JobStatus.CANCELLING);
            cancelRunningTasks();
            checkJobEnd();
        } else if (status == JobStatus.CREATED) {
            moveTo(JobStatus.CANCELLING);
            executions.replaceAll((a, s) -> ExecutionState.CANCELED);
            checkJobEnd();
        }
    }

    private void cancelRunningTasks() {
        for (Map.Entry<ExecutionAttemptId, ExecutionState> e : executions.entrySet()) {
            if (!e.getValue().isTerminal()) {
                e.setValue(ExecutionState.CANCELING);
                Slot slot = slotOf.get(e.getKey());
                if (slot != null) {
                    slot.taskExecutor().cancelTask(e.getKey());
                } else {
                    e.setValue(ExecutionState.CANCELED);
                }
            }
        }
    }

    private void checkJobEnd() {
        for (ExecutionState s : executions.values()) {
            if (!s.isTerminal()) {
                return;
            }
        }
        if (status == JobStatus.RUNNING) {
            moveTo(JobStatus.FINISHED);
        } else if (status == JobStatus.FAILING) {
            moveTo(JobStatus.FAILED);
        } else if (status == JobStatus.CANCELLING) {
            moveTo(JobStatus.CANCELED);
        } else {
            return;
        }
        endJob();
    }

    private void failJobBeforeDeployment(Throwable cause) {
        failure = cause;
        failureTimestamp = clock.millis();
        moveTo(JobStatus.FAILED);
        endJob();
    }

    private void endJob() {
        long runtime = startMillis == 0 ? 0 : clock.millis() - startMillis;
        Throwable jobFailure = status == JobStatus.FINISHED ? null
                : status == JobStatus.CANCELED ? new IllegalStateException("Job was cancelled") : failure;
        for (OperatorCoordinator coordinator : coordinators.values()) {
            coordinator.jobEnded(jobFailure);
            try {
                coordinator.close();
            } catch (Exception e) {
                LOG.warn("Closing a coordinator of job {} failed", job.getJobId(), e);
            }
        }
        resourceManager.releaseSlots(job.getJobId());
        JobAccumulators.Merged merged = accumulators.merge();
        finalAccumulators = merged;
        finalDetails = snapshot();
        finalStatus = status;
        if (metrics != null) {
            metrics.close();
        }
        LOG.info("Job '{}' ({}) {} after {} ms", job.getName(), job.getJobId(), status, runtime);
        if (status == JobStatus.FINISHED) {
            result.complete(new JobExecutionResult(job.getJobId(), runtime, merged.results(), merged.failures()));
        } else if (status == JobStatus.CANCELED) {
            result.completeExceptionally(new JobExecutionException(job.getJobId(),
                    "Job '" + job.getName() + "' was cancelled", jobFailure));
        } else {
            String where = failedTask != null ? " because task '" + failedTask + "' failed" : "";
            result.completeExceptionally(new JobExecutionException(job.getJobId(),
                    "Job '" + job.getName() + "' failed" + where + ": " + failure, failure));
        }
    }

    @Override
    public void sendEventToCoordinator(ExecutionAttemptId attempt, int operatorId, OperatorEvent event) {
        runAsync(() -> {
            try {
                coordinators.get(operatorId).handleEventFromOperator(attempt.subtaskIndex(), event);
            } catch (Throwable t) {
                failFromCoordinator(operatorId, t);
            }
        });
    }

    @Override
    public CompletableFuture<Object> sendRequestToCoordinator(ExecutionAttemptId attempt, int operatorId,
            OperatorEvent request) {
        return composeAsync(() -> {
            try {
                return coordinators.get(operatorId).handleRequestFromOperator(attempt.subtaskIndex(), request);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        });
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

    private CompletableFuture<CollectResults> fetchFrom(String collectId) {
        for (OperatorCoordinator c : coordinators.values()) {
            if (c instanceof CollectCoordinator cc && cc.collectId().equals(collectId)) {
                return cc.fetch();
            }
        }
        return CompletableFuture.failedFuture(new IllegalArgumentException(
                "Job " + job.getJobId() + " has no collect sink " + collectId));
    }

    private void failFromCoordinator(int operatorId, Throwable t) {
        LOG.warn("Coordinator of operator {} in job {} failed", operatorId, job.getJobId(), t);
        if (failure == null && (status == JobStatus.RUNNING || status == JobStatus.CREATED)) {
            failure = t;
            failedTask = "coordinator of " + vertexOfOperator.get(operatorId).getName();
            if (status == JobStatus.CREATED) {
                failJobBeforeDeployment(t);
            } else {
                failureTimestamp = clock.millis();
                moveTo(JobStatus.FAILING);
                cancelRunningTasks();
                checkJobEnd();
            }
        }
    }

    private static String describe(Map<String, Integer> demand) {
        List<String> parts = new ArrayList<>();
        demand.forEach((group, slots) -> parts.add(slots + " for slot sharing group '" + group + "'"));
        return String.join(", ", parts) + "; a group needs as many slots as its highest operator parallelism";
    }

    /** Lets a coordinator reach the subtasks of its operator. */
    private final class CoordinatorContext implements OperatorCoordinator.Context {
        private final JobVertex vertex;
        private final int operatorId;

        CoordinatorContext(JobVertex vertex, int operatorId) {
            this.vertex = vertex;
            this.operatorId = operatorId;
        }

        @Override
        public int currentParallelism() {
            return vertex.getParallelism();
        }

        @Override
        public SubtaskGateway subtasks() {
            return (subtask, event) -> {
                ExecutionAttemptId attempt = new ExecutionAttemptId(job.getJobId(), vertex.getId(), subtask, 0);
                Slot slot = slotOf.get(attempt);
                if (slot != null) {
                    slot.taskExecutor().sendOperatorEvent(attempt, operatorId, event);
                }
            };
        }

        @Override
        public void failJob(Throwable cause) {
            runAsync(() -> failFromCoordinator(operatorId, cause));
        }
    }
}
