package io.weir.runtime.checkpoint;

import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.execution.JobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a directory: {@code <dir>/<job id>/chk-<id>/}, each a {@link CheckpointDirectory}
 * (task state files and an atomically written {@code _metadata}; relocatable).
 *
 * <p>Keyed state checkpointed as database files (RocksDB) puts its data files into
 * {@code <dir>/<job id>/shared/}, once, and every checkpoint that contains a file refers to it
 * there ({@link StateFilesWriter}); {@link SharedStateRegistry} deletes a shared file when no
 * retained checkpoint uses it any more. A checkpoint with shared files is moved together with its
 * job directory (its {@code chk-<id>} directory and {@code shared/}).
 */
final class FileSystemCheckpointStorage implements CheckpointStorage {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemCheckpointStorage.class);

    private final Path jobDirectory;
    private final ExternalizedCheckpointRetention retention;
    private final SharedStateRegistry sharedState;

    FileSystemCheckpointStorage(Path jobDirectory, ExternalizedCheckpointRetention retention) {
        this.jobDirectory = jobDirectory;
        this.retention = retention;
        this.sharedState = new SharedStateRegistry(jobDirectory);
    }

    CheckpointDirectory checkpointDirectory(long checkpointId) {
        return new CheckpointDirectory(jobDirectory.resolve("chk-" + checkpointId));
    }

    @Override
    public TaskStateHandle writeTaskState(long checkpointId, TaskKey task, TaskStateSnapshot state) throws IOException {
        try {
            List<String> shared = new ArrayList<>();
            TaskStateSnapshot stored = StateFilesWriter.convert(state, files -> files instanceof KeyedStateFiles.Local local
                    ? StateFilesWriter.persist(local, jobDirectory, shared) : files);
            TaskStateHandle.InFile file = (TaskStateHandle.InFile) checkpointDirectory(checkpointId)
                    .writeTaskState(task, stored);
            return new TaskStateHandle.InFile(file.relativePath(), file.size(), shared);
        } finally {
            StateFilesWriter.deleteLocal(state);
        }
    }

    /** Counts the checkpoint's shared files (failing if one is gone), then writes its metadata. */
    @Override
    public CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology) throws IOException {
        sharedState.register(checkpoint.id(), SharedStateRegistry.sharedFilesOf(checkpoint.taskStates().values()));
        return checkpointDirectory(checkpoint.id()).commit(checkpoint, topology);
    }

    @Override
    public void discard(long checkpointId) {
        checkpointDirectory(checkpointId).delete();
        sharedState.release(checkpointId);
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
