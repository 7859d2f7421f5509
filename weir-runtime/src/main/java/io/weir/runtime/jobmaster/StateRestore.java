package io.weir.runtime.jobmaster;

import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateHandle;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a completed checkpoint's task states and gives each task of the job the state it restores.
 */
final class StateRestore {
    private StateRestore() {}

    /** The state of every task that has any, by task; tasks without state start empty. */
    static Map<TaskKey, TaskStateSnapshot> assign(JobGraph job, CompletedCheckpoint checkpoint,
            CheckpointStorage storage) throws IOException {
        Map<TaskKey, TaskStateSnapshot> assigned = new HashMap<>();
        for (JobVertex vertex : job.getVertices()) {
            Integer oldParallelism = checkpoint.parallelism().get(vertex.getId());
            if (oldParallelism == null) {
                continue;
            }
            if (oldParallelism != vertex.getParallelism()) {
                throw new IllegalStateException("Checkpoint " + checkpoint.id() + " was taken with parallelism "
                        + oldParallelism + " for '" + vertex.getName() + "', which now has parallelism "
                        + vertex.getParallelism() + "; restoring at another parallelism is not supported yet");
            }
            for (int subtask = 0; subtask < vertex.getParallelism(); subtask++) {
                TaskKey key = new TaskKey(vertex.getId(), subtask);
                TaskStateHandle handle = checkpoint.taskStates().get(key);
                if (handle != null) {
                    assigned.put(key, storage.readTaskState(checkpoint, handle));
                }
            }
        }
        return assigned;
    }
}
