package io.weir.runtime.task;

import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import java.util.Map;

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
 * @param taskExecutorOf the id of the task executor each task of this attempt runs in, so that a
 *     producer finds its consumers in other TaskManagers (see {@code DataExchange#prepare}); empty
 *     when the whole job runs in one JVM
 * @param finishedOnRestore whether the subtask had finished (ended its data) before the restored
 *     checkpoint was taken: it does not run again, but ends its data at once (FLIP-147)
 */
public record TaskDeployment(JobGraph job, JobVertex vertex, int subtaskIndex, int attemptNumber,
        TaskStateSnapshot restoredState, Map<TaskKey, String> taskExecutorOf, boolean finishedOnRestore)
        implements java.io.Serializable {

    /** A deployment that runs its subtask (not one restored as finished). */
    public TaskDeployment(JobGraph job, JobVertex vertex, int subtaskIndex, int attemptNumber,
            TaskStateSnapshot restoredState, Map<TaskKey, String> taskExecutorOf) {
        this(job, vertex, subtaskIndex, attemptNumber, restoredState, taskExecutorOf, false);
    }

    /** A deployment that starts without state. */
    public TaskDeployment(JobGraph job, JobVertex vertex, int subtaskIndex, int attemptNumber) {
        this(job, vertex, subtaskIndex, attemptNumber, null);
    }

    /** A deployment that does not say where the job's other tasks run (all in one JVM). */
    public TaskDeployment(JobGraph job, JobVertex vertex, int subtaskIndex, int attemptNumber,
            TaskStateSnapshot restoredState) {
        this(job, vertex, subtaskIndex, attemptNumber, restoredState, Map.of());
    }

    public String taskName() {
        return vertex.getName() + " (" + (subtaskIndex + 1) + "/" + vertex.getParallelism() + ")";
    }
}
