package io.weir.runtime.checkpoint;

import java.util.Map;
import java.util.Set;

/**
 * A checkpoint every task acknowledged and whose metadata is durable: what a restore starts from.
 *
 * @param taskStates the state handle of every subtask that had state, by task
 * @param topology the parallelism of every vertex and the identity of every operator when the
 *     checkpoint was taken
 * @param coordinatorStates the serialized state of each operator coordinator (source enumerators), by operator id
 * @param externalPointer where the checkpoint is (its directory), or {@code null} when kept in memory
 * @param finishedTasks the tasks whose data had ended before the checkpoint was triggered (FLIP-147):
 *     kept in memory for the job's own failovers, not written into the metadata file, so a job
 *     started from a checkpoint's path runs every task again
 */
public record CompletedCheckpoint(long id, long timestamp, Map<TaskKey, TaskStateHandle> taskStates,
        JobTopology topology, Map<Integer, byte[]> coordinatorStates, String externalPointer,
        Set<TaskKey> finishedTasks) {

    public CompletedCheckpoint {
        taskStates = Map.copyOf(taskStates);
        coordinatorStates = Map.copyOf(coordinatorStates);
        finishedTasks = Set.copyOf(finishedTasks);
    }

    /** A checkpoint in which no task had finished (or that does not know: one read from its metadata file). */
    public CompletedCheckpoint(long id, long timestamp, Map<TaskKey, TaskStateHandle> taskStates,
            JobTopology topology, Map<Integer, byte[]> coordinatorStates, String externalPointer) {
        this(id, timestamp, taskStates, topology, coordinatorStates, externalPointer, Set.of());
    }

    /** The parallelism of every vertex when the checkpoint was taken, by vertex id. */
    public Map<Integer, Integer> parallelism() {
        return topology.parallelism();
    }

    public long stateSize() {
        return taskStates.values().stream().mapToLong(TaskStateHandle::size).sum();
    }
}
