package io.weir.runtime.checkpoint;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.LocalFileSystem;
import io.weir.api.fs.Path;
import java.io.File;
import java.io.IOException;

/**
 * Where a job's checkpoints are kept: in the JobManager's memory, or in a directory
 * ({@code execution.checkpointing.dir}), one subdirectory {@code chk-<id>} per checkpoint, on any
 * {@link FileSystem} (a local path, {@code file:} or {@code s3://} URI).
 *
 * <p>Threading: safe for concurrent use. Tasks write their state from I/O threads while the
 * JobMaster commits and discards checkpoints.
 */
public interface CheckpointStorage {

    /** Writes one task's state of a checkpoint; the handle goes into the checkpoint's metadata. */
    TaskStateHandle writeTaskState(long checkpointId, TaskKey task, TaskStateSnapshot state) throws IOException;

    /**
     * Reads back a task's state of a completed checkpoint, wherever the checkpoint was taken: from
     * memory, or from a file relative to the checkpoint's (possibly moved) directory.
     */
    default TaskStateSnapshot readTaskState(CompletedCheckpoint checkpoint, TaskStateHandle handle) throws IOException {
        return CheckpointDirectory.readTaskState(checkpoint, handle);
    }

    /**
     * Makes a fully acknowledged checkpoint durable: its metadata is written so that it appears
     * complete or not at all. Returns the completed checkpoint.
     */
    CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology)
            throws IOException;

    /** Deletes what a checkpoint wrote (best effort: a failure is logged, not thrown). */
    void discard(long checkpointId);

    /** The job ended: deletes or keeps its checkpoints as the retention setting says. */
    void jobEnded(JobStatus status);

    static CheckpointStorage create(CheckpointingSettings settings, JobID job) {
        if (settings.directory() == null) {
            return new MemoryCheckpointStorage();
        }
        return new FileSystemCheckpointStorage(new Path(resolve(settings.directory()), job.toHexString()),
                settings.retention());
    }

    /**
     * A directory path (made absolute) or a URI of a file system Weir has ({@code file:}, {@code s3://}
     * with weir-filesystem-s3); the inverse of {@link #pointer}.
     *
     * @throws IllegalArgumentException for a scheme no file system on the classpath serves
     */
    static Path resolve(String directory) {
        String trimmed = directory.trim();
        if (!trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return Path.fromLocalFile(new File(trimmed).getAbsoluteFile());
        }
        Path path = new Path(trimmed);
        if ("file".equalsIgnoreCase(path.toUri().getScheme())) {
            return Path.fromLocalFile(new File(path.toUri().getPath()).getAbsoluteFile());
        }
        try {
            FileSystem.get(path.toUri());
        } catch (IOException e) {
            throw new IllegalArgumentException("Checkpoint directory '" + directory + "' is on a file system Weir "
                    + "cannot reach: " + e.getMessage(), e);
        }
        return path;
    }

    /**
     * How the location of a checkpoint is written in its metadata, logs and answers: a local
     * directory as a plain absolute path, anything else as its URI ({@code s3://bucket/...}).
     */
    static String pointer(Path path) {
        String scheme = path.toUri().getScheme();
        return scheme == null || scheme.equalsIgnoreCase("file") ? LocalFileSystem.toNioPath(path).toString()
                : path.toString();
    }
}
