package io.weir.runtime.resourcemanager;

import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.util.concurrent.CompletableFuture;

/** What a TaskManager calls on the resource manager: it registers itself and offers its slots. */
public interface ResourceManagerGateway {
    /** Adds {@code taskExecutor}'s {@code slots} to the cluster's free slots. */
    CompletableFuture<Void> registerTaskExecutor(TaskExecutorGateway taskExecutor, int slots);

    /**
     * The task executor {@code taskExecutorId} is alive. Once a task executor has sent one, it is
     * lost when it stays silent longer than the heartbeat timeout (see {@link ResourceManager#removeSilent}).
     */
    void heartbeat(String taskExecutorId);

    /**
     * The task executor {@code taskExecutorId} leaves (it is shutting down): its slots are withdrawn at
     * once, and the jobs with tasks in it fail over without waiting for the heartbeat timeout.
     *
     * @param reason why it leaves, for the jobs' failure messages
     * @return completes once the slots are withdrawn (an unknown id is no error)
     */
    CompletableFuture<Void> disconnectTaskExecutor(String taskExecutorId, String reason);
}
