package io.weir.runtime.task;

import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;

/** What a TaskExecutor needs to run one subtask: the job, the vertex, which subtask and which attempt. */
public record TaskDeployment(JobGraph job, JobVertex vertex, int subtaskIndex, int attemptNumber) {
    public String taskName() {
        return vertex.getName() + " (" + (subtaskIndex + 1) + "/" + vertex.getParallelism() + ")";
    }
}
