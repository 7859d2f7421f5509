package io.weir.runtime.checkpoint;

import io.weir.api.fs.FSDataOutputStream;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.fs.RecoverableFsDataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of one checkpoint or savepoint: one state file per task and the {@code _metadata}
 * file, written last and atomically (through the file system's recoverable writer: a hidden file
 * renamed on a local disk, a multipart upload completed on S3), so a directory without
 * {@code _metadata} is incomplete and never restored from. The metadata names the task files
 * relative to the directory, so it can be moved or copied elsewhere and still be restored from.
 *
 * <p>Threading: tasks write their files from I/O threads while the JobMaster commits; each file
 * has one writer.
 */
public final class CheckpointDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDirectory.class);

    private final Path path;

    /** A directory on any file system (a local path, {@code s3://...}). */
    public CheckpointDirectory(Path path) {
        this.path = path;
    }

    /** A local directory. */
    public CheckpointDirectory(java.nio.file.Path path) {
        this(Path.fromLocalFile(path.toAbsolutePath().toFile()));
    }

    public Path path() {
        return path;
    }

    /** Writes one task's state; the handle goes into the metadata. */
    public TaskStateHandle writeTaskState(TaskKey task, TaskStateSnapshot state) throws IOException {
        FileSystem fs = path.getFileSystem();
        fs.mkdirs(path);
        String name = "task-" + task.vertexId() + "-" + task.subtaskIndex() + ".state";
        FSDataOutputStream file = fs.create(new Path(path, name), FileSystem.WriteMode.OVERWRITE);
        long size;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
            TaskStateSnapshotFormat.write(state, out);
            out.flush();
            size = file.getPos();
        }
        return new TaskStateHandle.InFile(name, size);
    }

    /** Writes the metadata of a fully acknowledged checkpoint: from now on it is complete. */
    public CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology) throws IOException {
        FileSystem fs = path.getFileSystem();
        fs.mkdirs(path);
        CompletedCheckpoint completed = new CompletedCheckpoint(checkpoint.id(), checkpoint.timestamp(),
                checkpoint.taskStates(), topology, checkpoint.coordinatorStates(), CheckpointStorage.pointer(path),
                checkpoint.finishedTasks());
        RecoverableFsDataOutputStream metadata = fs.createRecoverableWriter()
                .open(new Path(path, CheckpointMetadata.FILE_NAME));
        RecoverableFsDataOutputStream.Committer committer;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(metadata))) {
            CheckpointMetadata.write(completed, out);
            out.flush();
            committer = metadata.closeForCommit();
        }
        committer.commit();
        return completed;
    }

    /**
     * Reads back a task's state of a completed checkpoint or savepoint, wherever it was taken: from
     * memory, or from a file relative to its (possibly moved) directory.
     */
    public static TaskStateSnapshot readTaskState(CompletedCheckpoint checkpoint, TaskStateHandle handle)
            throws IOException {
        if (handle instanceof TaskStateHandle.InMemory inMemory) {
            return inMemory.state();
        }
        TaskStateHandle.InFile inFile = (TaskStateHandle.InFile) handle;
        if (checkpoint.externalPointer() == null) {
            throw new IOException("Checkpoint " + checkpoint.id() + " names the file " + inFile.relativePath()
                    + " but has no directory");
        }
        Path file = new Path(CheckpointStorage.resolve(checkpoint.externalPointer()), inFile.relativePath());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(file.getFileSystem().open(file)))) {
            return resolveSharedFiles(checkpoint, TaskStateSnapshotFormat.read(in, file.toString()));
        }
    }

    /**
     * Gives the keyed files of a state read back from {@code checkpoint} the directory their shared
     * files are relative to: the job directory the checkpoint's directory is in.
     */
    private static TaskStateSnapshot resolveSharedFiles(CompletedCheckpoint checkpoint, TaskStateSnapshot state)
            throws IOException {
        String base = CheckpointStorage.pointer(CheckpointStorage.resolve(checkpoint.externalPointer()).getParent());
        return StateFilesWriter.convert(state, files -> files instanceof KeyedStateFiles.Stored stored
                && stored.baseDirectory() == null ? stored.withBaseDirectory(base) : files);
    }

    /** Deletes the directory and everything in it (best effort: a failure is logged, not thrown). */
    public void delete() {
        deleteRecursively(path);
    }

    static void deleteRecursively(Path path) {
        try {
            path.getFileSystem().delete(path, true);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", path, e);
        }
    }
}
