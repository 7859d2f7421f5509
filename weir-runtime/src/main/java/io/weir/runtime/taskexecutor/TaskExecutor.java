package io.weir.runtime.taskexecutor;

import io.weir.api.accumulators.Accumulator;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.checkpoint.CheckpointDirectory;
import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateHandle;
import io.weir.runtime.checkpoint.CheckpointMetrics;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.exchange.DataExchange;
import io.weir.runtime.graph.StreamNode;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.ResultKey;
import io.weir.runtime.jobmaster.ExecutionAttemptId;
import io.weir.runtime.jobmaster.JobMasterGateway;
import io.weir.runtime.metrics.JvmMetrics;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskDeployment;
import io.weir.api.execution.JobID;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers slots and runs the tasks deployed into them, each on its own thread. Task outcomes and
 * operator events go to the task's JobMaster.
 *
 * <p>Threading: gateway calls run on the main thread; the running-task map is also read by task
 * threads when they end, so it is concurrent.
 */
public final class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);
    private final String id;
    private final int slots;
    private final DataExchange exchange;
    private final ScheduledExecutorService timers;
    private final Map<ExecutionAttemptId, StreamTask> running = new ConcurrentHashMap<>();
    private final ScopedMetricGroup metrics;
    // the metric groups of each job's tasks: kept until the job is released, so metrics of finished tasks stay readable while the job runs
    private final Map<JobID, ScopedMetricGroup> jobMetrics = new ConcurrentHashMap<>();
    /** Writes tasks' checkpoint state off the task threads. */
    private final ExecutorService checkpointIo;
    /** Who waits for every task to end ({@link #cancelAllJobs}); completed by the task that ends last. */
    private final List<CompletableFuture<Void>> idleWaiters = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param metrics the registry of the process; this TaskManager's group is {@code <host>.taskmanager.<id>} */
    public TaskExecutor(String id, int slots, DataExchange exchange, MetricRegistry metrics, String host) {
        super("weir-" + id);
        this.metrics = ScopedMetricGroup.taskManager(metrics, host, id);
        JvmMetrics.register(this.metrics);
        this.id = id;
        this.slots = slots;
        this.exchange = exchange;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-" + id + "-timers");
            t.setDaemon(true);
            // started by a task when first used: it must not keep that task's job's class loader
            t.setContextClassLoader(TaskExecutor.class.getClassLoader());
            return t;
        });
        this.checkpointIo = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "weir-" + id + "-checkpoint-io");
            t.setDaemon(true);
            t.setContextClassLoader(TaskExecutor.class.getClassLoader());
            return t;
        });
    }

    @Override
    public String id() {
        return id;
    }

    public int slots() {
        return slots;
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeployment deployment, ExecutionAttemptId attempt,
            JobMasterGateway jobMaster) {
        return this.<Void>callAsync(() -> {
            exchange.prepare(deployment);
            CheckpointStorage storage = CheckpointStorage.create(
                    CheckpointingSettings.of(deployment.job().getConfiguration()), deployment.job().getJobId());
            Map<StreamNode, OperatorEventGateway> gateways = new HashMap<>();
            for (StreamNode node : deployment.vertex().getChain()) {
                gateways.put(node, new OperatorEventGateway() {
                    @Override
                    public void sendEventToCoordinator(OperatorEvent event) {
                        jobMaster.sendEventToCoordinator(attempt, node.getId(), event);
                    }

                    @Override
                    public CompletableFuture<Object> sendRequestToCoordinator(OperatorEvent request) {
                        return jobMaster.sendRequestToCoordinator(attempt, node.getId(), request);
                    }
                });
            }
            ScopedMetricGroup taskMetrics = jobMetrics.computeIfAbsent(deployment.job().getJobId(),
                    job -> metrics.addJob(job.toHexString(), deployment.job().getName()))
                    .addTask(deployment.vertex().idString(), deployment.vertex().getName(), deployment.subtaskIndex(),
                            deployment.attemptNumber());
            StreamTask task = new StreamTask(deployment, exchange, timers, gateways, new StreamTask.Listener() {
                @Override
                public void taskEnded(StreamTask t, StreamTask.Outcome outcome, Throwable failure) {
                    running.remove(attempt);
                    deployment.job().releaseUserCode(); // this deployment's hold on shipped jars, if any
                    jobMaster.taskEnded(attempt, outcome, failure);
                    completeIdleWaitersIfIdle();
                }

                @Override
                public void endOfData(StreamTask t) {
                    jobMaster.notifyEndOfData(attempt);
                }

                @Override
                public void accumulatorsReported(StreamTask t, Map<String, Accumulator<?, ?>> accumulators) {
                    jobMaster.reportAccumulators(attempt, accumulators);
                }

                @Override
                public void checkpointTaken(StreamTask t, CheckpointBarrier barrier, TaskStateSnapshot state,
                        CheckpointMetrics metrics) {
                    persistAndAcknowledge(storage, attempt, barrier, state, metrics, jobMaster);
                }
            }, taskMetrics);
            running.put(attempt, task);
            Thread thread = new Thread(task, deployment.taskName());
            thread.setDaemon(true);
            thread.setContextClassLoader(deployment.job().getUserClassLoader());
            thread.start();
            return null;
        }).whenComplete((started, failure) -> {
            if (failure != null) {
                deployment.job().releaseUserCode(); // the task never ran, so it will not release it
            }
        });
    }

    /** Runs on the main thread, after any submission of the same task sent before it. */
    @Override
    public void cancelTask(ExecutionAttemptId attempt) {
        runAsync(() -> {
            StreamTask task = running.get(attempt);
            if (task != null) {
                task.cancel();
            }
        });
    }

    /** Writes a task's checkpoint state on an I/O thread, then acknowledges (or declines) the checkpoint. */
    private void persistAndAcknowledge(CheckpointStorage storage, ExecutionAttemptId attempt, CheckpointBarrier barrier,
            TaskStateSnapshot state, CheckpointMetrics metrics, JobMasterGateway jobMaster) {
        long checkpointId = barrier.id();
        TaskKey task = new TaskKey(attempt.vertexId(), attempt.subtaskIndex());
        checkpointIo.execute(() -> {
            long start = System.nanoTime();
            TaskStateHandle handle;
            try {
                // a savepoint is self-contained: its state goes into its own directory, whatever the checkpoint storage
                handle = state.isEmpty() ? null
                        : barrier.isSavepoint()
                                ? new CheckpointDirectory(CheckpointStorage.resolve(barrier.targetLocation()))
                                        .writeTaskState(task, state)
                                : storage.writeTaskState(checkpointId, task, state);
            } catch (Exception e) {
                LOG.warn("Could not write the state of {} for checkpoint {}", attempt, checkpointId, e);
                jobMaster.declineCheckpoint(attempt, checkpointId, "writing its state failed: " + e);
                return;
            }
            jobMaster.acknowledgeCheckpoint(attempt, checkpointId, handle,
                    metrics.withAsyncDuration((System.nanoTime() - start) / 1_000_000));
        });
    }

    /** Runs on the main thread, after the submission of the task, so it does not overtake it. */
    @Override
    public void triggerCheckpoint(ExecutionAttemptId attempt, CheckpointBarrier barrier) {
        runAsync(() -> {
            StreamTask task = running.get(attempt);
            if (task != null) {
                task.triggerCheckpoint(barrier);
            }
        });
    }

    @Override
    public void notifyCheckpointComplete(ExecutionAttemptId attempt, long checkpointId) {
        runAsync(() -> {
            StreamTask task = running.get(attempt);
            if (task != null) {
                task.notifyCheckpointComplete(checkpointId);
            }
        });
    }

    @Override
    public void notifyCheckpointAborted(ExecutionAttemptId attempt, long checkpointId) {
        runAsync(() -> {
            StreamTask task = running.get(attempt);
            if (task != null) {
                task.notifyCheckpointAborted(checkpointId);
            }
        });
    }

    /** Runs on the main thread, after the submission of the task, so no event overtakes it. */
    @Override
    public void sendOperatorEvent(ExecutionAttemptId attempt, int operatorId, OperatorEvent event) {
        runAsync(() -> {
            StreamTask task = running.get(attempt);
            if (task != null) {
                task.deliverOperatorEvent(operatorId, event);
            }
        });
    }

    /** Runs on the main thread, after the submission of the consumer if it runs here. */
    @Override
    public CompletableFuture<Void> sendBlockingResult(ResultKey key, ExchangeKey consumer, String consumerTaskExecutor,
            int bufferSize) {
        return callAsync(() -> {
            exchange.sendBlockingResult(key, consumer, id.equals(consumerTaskExecutor) ? null : consumerTaskExecutor,
                    bufferSize);
            return null;
        });
    }

    /** Unregisters the metrics of a job that ended and drops its queues and channels. */
    @Override
    public void releaseJob(JobID jobId) {
        exchange.release(jobId);
        ScopedMetricGroup group = jobMetrics.remove(jobId);
        if (group != null) {
            group.close();
        }
    }

    /**
     * Cancels every task and, once all of them ended, releases every job: a TaskManager whose
     * JobManager was lost (a new leader took over) must not run or keep anything of the old
     * leader's attempts before it offers its slots to the new one.
     *
     * @return completes once no task runs any more and every job was released
     */
    public CompletableFuture<Void> cancelAllJobs() {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        idleWaiters.add(idle);
        runAsync(() -> {
            running.values().forEach(StreamTask::cancel);
            completeIdleWaitersIfIdle();
        });
        return idle.thenRun(() -> new java.util.ArrayList<>(jobMetrics.keySet()).forEach(this::releaseJob));
    }

    private void completeIdleWaitersIfIdle() {
        if (running.isEmpty()) {
            for (CompletableFuture<Void> waiter : idleWaiters) {
                idleWaiters.remove(waiter);
                waiter.complete(null);
            }
        }
    }

    /** This TaskManager's metric group. */
    public ScopedMetricGroup metricGroup() {
        return metrics;
    }

    /**
     * The threads of this executor's running subtasks of one vertex of a job, for flame graphs; may
     * be called from any thread (the running-task map is concurrent).
     */
    public List<Long> taskThreadIds(JobID job, int vertexId) {
        List<Long> ids = new java.util.ArrayList<>();
        running.forEach((attempt, task) -> {
            long id = task.threadId();
            if (attempt.jobId().equals(job) && attempt.vertexId() == vertexId && id >= 0) {
                ids.add(id);
            }
        });
        return ids;
    }

    public int runningTasks() {
        return running.size();
    }

    @Override
    public void close() {
        runAsync(() -> running.values().forEach(StreamTask::cancel));
        timers.shutdownNow();
        metrics.close();
        checkpointIo.shutdown();
        super.close();
    }
}
