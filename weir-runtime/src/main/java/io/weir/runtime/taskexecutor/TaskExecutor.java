package io.weir.runtime.taskexecutor;

import io.weir.api.accumulators.Accumulator;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.graph.StreamNode;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Offers slots and runs the tasks deployed into them, each on its own thread. Task outcomes and
 * operator events go to the task's JobMaster.
 *
 * <p>Threading: gateway calls run on the main thread; the running-task map is also read by task
 * threads when they end, so it is concurrent.
 */
public final class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {
    private final String id;
    private final int slots;
    private final LocalExchange exchange;
    private final ScheduledExecutorService timers;
    private final Map<ExecutionAttemptId, StreamTask> running = new ConcurrentHashMap<>();
    private final ScopedMetricGroup metrics;
    // the metric groups of each job's tasks: kept until the job is released, so metrics of finished tasks stay readable while the job runs
    private final Map<JobID, ScopedMetricGroup> jobMetrics = new ConcurrentHashMap<>();

    /** @param metrics the registry of the process; this TaskManager's group is {@code <host>.taskmanager.<id>} */
    public TaskExecutor(String id, int slots, LocalExchange exchange, MetricRegistry metrics, String host) {
        super("weir-" + id);
        this.metrics = ScopedMetricGroup.taskManager(metrics, host, id);
        JvmMetrics.register(this.metrics);
        this.id = id;
        this.slots = slots;
        this.exchange = exchange;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-" + id + "-timers");
            t.setDaemon(true);
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
        return callAsync(() -> {
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
                    jobMaster.taskEnded(attempt, outcome, failure);
                }

                @Override
                public void accumulatorsReported(StreamTask t, Map<String, Accumulator<?, ?>> accumulators) {
                    jobMaster.reportAccumulators(attempt, accumulators);
                }
            }, taskMetrics);
            running.put(attempt, task);
            Thread thread = new Thread(task, deployment.taskName());
            thread.setDaemon(true);
            thread.setContextClassLoader(deployment.job().getUserClassLoader());
            thread.start();
            return null;
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

    /** Unregisters the metrics of a job that ended. */
    public void releaseJob(JobID jobId) {
        ScopedMetricGroup group = jobMetrics.remove(jobId);
        if (group != null) {
            group.close();
        }
    }

    /** This TaskManager's metric group. */
    public ScopedMetricGroup metricGroup() {
        return metrics;
    }

    public int runningTasks() {
        return running.size();
    }

    @Override
    public void close() {
        runAsync(() -> running.values().forEach(StreamTask::cancel));
        timers.shutdownNow();
        metrics.close();
        super.close();
    }
}
