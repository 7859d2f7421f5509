package io.weir.runtime.checkpoint;

import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.execution.JobStatus;
import java.io.IOException;
import io.weir.api.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a directory: {@code <dir>/<job id>/chk-<id>/}, each a {@link CheckpointDirectory}
 * (task state files and an atomically written {@code _metadata}; relocatable).
 */
final class FileSystemCheckpointStorage implements CheckpointStorage {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemCheckpointStorage.class);

    private final Path jobDirectory;
    private final ExternalizedCheckpointRetention retention;

    FileSystemCheckpointStorage(Path jobDirectory, ExternalizedCheckpointRetention retention) {
        this.jobDirectory = jobDirectory;
        this.retention = retention;
    }

    CheckpointDirectory checkpointDirectory(long checkpointId) {
        return new CheckpointDirectory(new Path(jobDirectory, "chk-" + checkpointId));
    }

    @Override
    public TaskStateHandle writeTaskState(long checkpointId, TaskKey task, TaskStateSnapshot state) throws IOException {
        return checkpointDirectory(checkpointId).writeTaskState(task, state);
    }

    @Override
    public CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology) throws IOException {
        return checkpointDirectory(checkpoint.id()).commit(checkpoint, topology);
    }

    @Override
    public void discard(long checkpointId) {
        checkpointDirectory(checkpointId).delete();
    }

    @Override
    public void jobEnded(JobStatus status) {
        boolean keep = switch (retention) {
            case RETAIN_ON_CANCELLATION -> true;
            case DELETE_ON_CANCELLATION -> status == JobStatus.FAILED;
            case NO_EXTERNALIZED_CHECKPOINTS -> false;
        };
        if (keep) {
            LOG.info("Checkpoints of the job are kept in {} ({})", jobDirectory, retention);
        } else {
            CheckpointDirectory.deleteRecursively(jobDirectory);
        }
    }
}
