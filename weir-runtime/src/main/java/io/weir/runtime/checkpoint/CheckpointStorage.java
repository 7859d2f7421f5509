package io.weir.runtime.checkpoint;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
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
        if (handle instanceof TaskStateHandle.InMemory inMemory) {
            return inMemory.state();
        }
        TaskStateHandle.InFile inFile = (TaskStateHandle.InFile) handle;
        if (checkpoint.externalPointer() == null) {
            throw new IOException("Checkpoint " + checkpoint.id() + " names the file " + inFile.relativePath()
                    + " but has no directory");
        }
        Path file = Path.of(checkpoint.externalPointer()).resolve(inFile.relativePath());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return resolveSharedFiles(checkpoint, TaskStateSnapshotFormat.read(in, file.toString()));
        }
    }

    /**
     * Gives the keyed files of a state read back from checkpoint {@code checkpoint} the directory
     * their shared files are relative to: the job directory the checkpoint's directory is in.
     */
    static TaskStateSnapshot resolveSharedFiles(CompletedCheckpoint checkpoint, TaskStateSnapshot state)
            throws IOException {
        String base = checkpoint.externalPointer() == null ? null
                : Path.of(checkpoint.externalPointer()).toAbsolutePath().getParent().toString();
        return StateFilesWriter.convert(state, files -> files instanceof KeyedStateFiles.Stored stored
                && stored.baseDirectory() == null ? stored.withBaseDirectory(base) : files);
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
