package io.weir.runtime.checkpoint;

import io.weir.api.execution.JobStatus;
import java.io.IOException;
import java.util.Map;

/**
 * Keeps checkpoints in the JobManager's memory: for jobs with small state and no checkpoint
 * directory. They survive task failures, not the JobManager. Keyed state checkpointed as database
 * files is kept whole (every file inline), so nothing is incremental here.
 */
final class MemoryCheckpointStorage implements CheckpointStorage {

    @Override
    public TaskStateHandle writeTaskState(long checkpointId, TaskKey task, TaskStateSnapshot state)
            throws IOException {
        TaskStateSnapshot kept;
        try {
            kept = StateFilesWriter.convert(state, files -> files instanceof KeyedStateFiles.Local local
                    ? StateFilesWriter.inline(local) : files);
        } finally {
            StateFilesWriter.deleteLocal(state);
        }
        long size = 0;
        for (OperatorSubtaskState operator : kept.operators().values()) {
            size += operator.stateSize();
        }
        return new TaskStateHandle.InMemory(kept, size);
    }

    @Override
    public CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology) {
        return new CompletedCheckpoint(checkpoint.id(), checkpoint.timestamp(), checkpoint.taskStates(), topology,
                checkpoint.coordinatorStates(), null, checkpoint.finishedTasks());
    }

    @Override
    public void discard(long checkpointId) {}

    @Override
    public void jobEnded(JobStatus status) {}
}
