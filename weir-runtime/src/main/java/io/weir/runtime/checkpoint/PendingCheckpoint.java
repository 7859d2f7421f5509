package io.weir.runtime.checkpoint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A checkpoint that was triggered and waits for its tasks' acknowledgements.
 *
 * <p>Threading: owned by the {@link CheckpointCoordinator}, on its owner's thread.
 */
public final class PendingCheckpoint {
    private final CheckpointBarrier barrier;
    private final long id;
    private final long timestamp;
    private final SnapshotType type;
    private final String targetLocation;
    private final Set<TaskKey> notYetAcknowledged;
    private final Map<TaskKey, TaskStateHandle> states = new HashMap<>();
    private final Map<Integer, byte[]> coordinatorStates;
    private final Set<TaskKey> finishedTasks;
    private boolean committing;

    PendingCheckpoint(CheckpointBarrier barrier, Set<TaskKey> tasks, Map<Integer, byte[]> coordinatorStates) {
        this(barrier, tasks, coordinatorStates, Set.of());
    }

    /**
     * @param finishedTasks the tasks whose data had ended when the checkpoint was triggered: their
     *     part of it is taken after their end of data
     */
    PendingCheckpoint(CheckpointBarrier barrier, Set<TaskKey> tasks, Map<Integer, byte[]> coordinatorStates,
            Set<TaskKey> finishedTasks) {
        this.barrier = barrier;
        this.id = barrier.id();
        this.timestamp = barrier.timestamp();
        this.type = barrier.type();
        this.targetLocation = barrier.targetLocation();
        this.notYetAcknowledged = new HashSet<>(tasks);
        this.coordinatorStates = Map.copyOf(coordinatorStates);
        this.finishedTasks = Set.copyOf(finishedTasks);
    }

    /** The tasks whose data had ended when the checkpoint was triggered. */
    public Set<TaskKey> finishedTasks() {
        return finishedTasks;
    }

    public long id() {
        return id;
    }

    public long timestamp() {
        return timestamp;
    }

    public SnapshotType type() {
        return type;
    }

    /** A savepoint's directory; {@code null} for a checkpoint. */
    public String targetLocation() {
        return targetLocation;
    }

    /** The barrier the checkpoint was triggered with. */
    public CheckpointBarrier barrier() {
        return barrier;
    }

    /** Whether {@code task} has not acknowledged the checkpoint yet. */
    boolean awaits(TaskKey task) {
        return notYetAcknowledged.contains(task);
    }

    /** Records a task's acknowledgement; says whether it was expected (not a duplicate, not unknown). */
    boolean acknowledge(TaskKey task, TaskStateHandle state) {
        if (!notYetAcknowledged.remove(task)) {
            return false;
        }
        if (state != null) {
            states.put(task, state);
        }
        return true;
    }

    boolean isFullyAcknowledged() {
        return notYetAcknowledged.isEmpty();
    }

    boolean isCommitting() {
        return committing;
    }

    void startCommit() {
        committing = true;
    }

    public Map<TaskKey, TaskStateHandle> taskStates() {
        return Map.copyOf(states);
    }

    public Map<Integer, byte[]> coordinatorStates() {
        return coordinatorStates;
    }

    public int pendingTasks() {
        return notYetAcknowledged.size();
    }
}
