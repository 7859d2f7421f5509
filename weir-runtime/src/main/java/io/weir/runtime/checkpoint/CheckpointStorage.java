package io.weir.runtime.checkpoint;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a job's checkpoints are kept: in the JobManager's memory, or in a directory
 * ({@code execution.checkpointing.dir}), one subdirectory {@code chk-<id>} per checkpoint.
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
        return new FileSystemCheckpointStorage(resolve(settings.directory()).resolve(job.toHexString()),
                settings.retention());
    }

    /** A directory path or a {@code file:} URI. */
    static Path resolve(String directory) {
        String trimmed = directory.trim();
        if (trimmed.startsWith("file:")) {
            return Path.of(java.net.URI.create(trimmed));
        }
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("Checkpoint directory '" + directory + "' uses a file system Weir "
                    + "cannot write to yet; use a local path or a file: URI (execution.checkpointing.dir)");
        }
        return Path.of(trimmed).toAbsolutePath();
    }
}
