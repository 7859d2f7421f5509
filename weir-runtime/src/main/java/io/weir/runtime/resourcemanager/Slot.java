package io.weir.runtime.resourcemanager;

import io.weir.runtime.taskexecutor.TaskExecutorGateway;

/** One slot of a task executor, given to a job. */
public record Slot(TaskExecutorGateway taskExecutor, int index) {
    @Override
    public String toString() {
        return taskExecutor.id() + "/slot-" + index;
    }
}
