package io.weir.runtime.checkpoint;

import io.weir.api.execution.JobStatus;
import java.util.Map;

/**
 * Keeps checkpoints in the JobManager's memory: for jobs with small state and no checkpoint
 * directory. They survive task failures, not the JobManager.
 */
final class MemoryCheckpointStorage implements CheckpointStorage {

    @Override
    public TaskStateHandle writeTaskState(long checkpointId, TaskKey task, TaskStateSnapshot state) {
        long size = 0;
        for (OperatorSubtaskState operator : state.operators().values()) {
            size += operator.stateSize();
        }
        return new TaskStateHandle.InMemory(state, size);
    }

    @Override
    public CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology) {
        return new CompletedCheckpoint(checkpoint.id(), checkpoint.timestamp(), checkpoint.taskStates(), topology,
                checkpoint.coordinatorStates(), null);
    }

    @Override
    public void discard(long checkpointId) {}

    @Override
    public void jobEnded(JobStatus status) {}
}
