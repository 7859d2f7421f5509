package io.weir.runtime.task;

import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;

/**
 * What a TaskExecutor needs to run one subtask: the job, the vertex, which subtask and which
 * attempt, and the state to start from. Serializable, to travel to a TaskManager in another
 * process; read it back with a {@link io.weir.runtime.graph.UserCodeObjectInputStream} so the user's
 * classes resolve and the job graph knows its class loader.
 *
 * @param restoredState the state of the chain's operators to restore before they open (for this
 *     subtask, already reassigned to the current parallelism with {@code StateAssignment}), or
 *     {@code null} or {@link TaskStateSnapshot#EMPTY} for a fresh start; its {@code checkpointId} is
 *     what the operators see as {@code getRestoredCheckpointId()}
 */
public record TaskDeployment(JobGraph job, JobVertex vertex, int subtaskIndex, int attemptNumber,
        TaskStateSnapshot restoredState) implements java.io.Serializable {

    /** A deployment that starts without state. */
    public TaskDeployment(JobGraph job, JobVertex vertex, int subtaskIndex, int attemptNumber) {
        this(job, vertex, subtaskIndex, attemptNumber, null);
    }

    public String taskName() {
        return vertex.getName() + " (" + (subtaskIndex + 1) + "/" + vertex.getParallelism() + ")";
    }
}
