package io.weir.runtime.resourcemanager;

import io.weir.runtime.taskexecutor.TaskExecutorGateway;

/**
 * One slot of a task executor, given to a job.
 *
 * @param taskExecutorId the task executor's {@link TaskExecutorGateway#id()}, read once at registration
 *     (asking a remote task executor is a network call)
 */
public record Slot(TaskExecutorGateway taskExecutor, String taskExecutorId, int index) {
    @Override
    public String toString() {
        return taskExecutorId + "/slot-" + index;
    }
}
