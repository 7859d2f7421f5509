package io.weir.runtime.checkpoint;

import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.execution.JobStatus;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a directory: {@code <dir>/<job id>/chk-<id>/} holds one state file per task and
 * the {@code _metadata} file, written last and atomically (a temporary file moved into place), so
 * a checkpoint directory without {@code _metadata} is incomplete and never restored from. The
 * metadata names task files relative to the checkpoint's directory, so the directory can be moved.
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

    Path checkpointDirectory(long checkpointId) {
        return jobDirectory.resolve("chk-" + checkpointId);
    }

    @Override
    public TaskStateHandle writeTaskState(long checkpointId, TaskKey task, TaskStateSnapshot state) throws IOException {
        try {
            Path dir = checkpointDirectory(checkpointId);
            Files.createDirectories(dir);
            List<String> shared = new ArrayList<>();
            TaskStateSnapshot stored = StateFilesWriter.convert(state, files -> files instanceof KeyedStateFiles.Local local
                    ? StateFilesWriter.persist(local, jobDirectory, shared) : files);
            String name = "task-" + task.vertexId() + "-" + task.subtaskIndex() + ".state";
            Path file = dir.resolve(name);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                TaskStateSnapshotFormat.write(stored, out);
            }
            return new TaskStateHandle.InFile(name, Files.size(file), shared);
        } finally {
            StateFilesWriter.deleteLocal(state);
        }
    }

    @Override
    public CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology)
            throws IOException {
        Path dir = checkpointDirectory(checkpoint.id());
        Files.createDirectories(dir);
        CompletedCheckpoint completed = new CompletedCheckpoint(checkpoint.id(), checkpoint.timestamp(),
                checkpoint.taskStates(), topology, checkpoint.coordinatorStates(), dir.toString());
        Path temporary = dir.resolve(CheckpointMetadata.FILE_NAME + ".inprogress");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            CheckpointMetadata.write(completed, out);
        }
        sharedState.register(checkpoint.id(), SharedStateRegistry.sharedFilesOf(checkpoint.taskStates().values()));
        Files.move(temporary, dir.resolve(CheckpointMetadata.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
        return completed;
    }

    @Override
    public void discard(long checkpointId) {
        deleteRecursively(checkpointDirectory(checkpointId));
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
            deleteRecursively(jobDirectory);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}", path, e);
        }
    }
}
