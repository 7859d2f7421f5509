package io.weir.api.functions;

/** Identity of one parallel subtask: its task name, index, the parallelism and the attempt number. */
public interface TaskInfo {
    String getTaskName();

    /** The task name with the subtask index, e.g. {@code "Map (2/4)#0"}. */
    String getTaskNameWithSubtasks();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    int getAttemptNumber();
}
