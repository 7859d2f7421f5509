package io.weir.network;

import io.weir.api.execution.JobID;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.task.TaskDeployment;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the tasks of the running jobs are, as the deployments say. In a cluster a TaskManager's id
 * is its data address, {@code host:port}, so the id of the task executor running a consumer is
 * where to send its buffers.
 *
 * <p>Threading: safe for concurrent use (deployments arrive on the TaskExecutor's main thread,
 * producers look up consumers on their task threads).
 */
public final class TaskLocations implements ConsumerLocator {
    private final Map<Attempt, Map<TaskKey, String>> taskExecutorOf = new ConcurrentHashMap<>();
    /** This TaskManager's id, as the first deployment to arrive names it; consumers here are read in memory. */
    private volatile String ownId;

    private record Attempt(JobID jobId, int attempt) {}

    /** The id of a TaskManager whose data port is {@code address}. */
    public static String idOf(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void learn(TaskDeployment deployment) {
        String here = deployment.taskExecutorOf().get(new TaskKey(deployment.vertex().getId(), deployment.subtaskIndex()));
        if (here != null) {
            ownId = here;
        }
        taskExecutorOf.putIfAbsent(new Attempt(deployment.job().getJobId(), deployment.attemptNumber()),
                Map.copyOf(deployment.taskExecutorOf()));
    }

    @Override
    public void forget(JobID jobId) {
        taskExecutorOf.keySet().removeIf(attempt -> attempt.jobId().equals(jobId));
    }

    /**
     * @throws IllegalStateException if no deployment of the consumer's attempt said where it runs
     */
    @Override
    public InetSocketAddress remoteAddress(ExchangeKey consumer) {
        Map<TaskKey, String> locations = taskExecutorOf.get(new Attempt(consumer.jobId(), consumer.attempt()));
        String id = locations == null ? null
                : locations.get(new TaskKey(consumer.consumerVertex(), consumer.consumerSubtask()));
        if (id == null) {
            if (locations != null && locations.isEmpty()) {
                return null; // a deployment without locations: the job runs in this JVM only
            }
            throw new IllegalStateException("No deployment said where consumer subtask " + consumer.consumerSubtask()
                    + " of vertex " + consumer.consumerVertex() + " (job " + consumer.jobId() + ", attempt "
                    + consumer.attempt() + ") runs");
        }
        if (id.equals(ownId)) {
            return null;
        }
        int colon = id.lastIndexOf(':');
        return new InetSocketAddress(id.substring(0, colon), Integer.parseInt(id.substring(colon + 1)));
    }
}
