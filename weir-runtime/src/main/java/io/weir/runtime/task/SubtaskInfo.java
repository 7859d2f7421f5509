package io.weir.runtime.task;

import io.weir.api.functions.TaskInfo;

/** The identity of one subtask. */
public record SubtaskInfo(String taskName, int subtaskIndex, int parallelism, int maxParallelism, int attemptNumber)
        implements TaskInfo {
    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")#" + attemptNumber;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return subtaskIndex;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return maxParallelism;
    }

    @Override
    public int getAttemptNumber() {
        return attemptNumber;
    }
}
