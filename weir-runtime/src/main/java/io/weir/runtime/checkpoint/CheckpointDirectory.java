package io.weir.runtime.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of one checkpoint or savepoint: one state file per task and the {@code _metadata}
 * file, written last and atomically (a temporary file moved into place), so a directory without
 * {@code _metadata} is incomplete and never restored from. The metadata names the task files
 * relative to the directory, so it can be moved or copied elsewhere and still be restored from.
 *
 * <p>Threading: tasks write their files from I/O threads while the JobMaster commits; each file
 * has one writer.
 */
public final class CheckpointDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDirectory.class);

    private final Path path;

    public CheckpointDirectory(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Writes one task's state; the handle goes into the metadata. */
    public TaskStateHandle writeTaskState(TaskKey task, TaskStateSnapshot state) throws IOException {
        Files.createDirectories(path);
        String name = "task-" + task.vertexId() + "-" + task.subtaskIndex() + ".state";
        Path file = path.resolve(name);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            TaskStateSnapshotFormat.write(state, out);
        }
        return new TaskStateHandle.InFile(name, Files.size(file));
    }

    /** Writes the metadata of a fully acknowledged checkpoint: from now on it is complete. */
    public CompletedCheckpoint commit(PendingCheckpoint checkpoint, JobTopology topology) throws IOException {
        Files.createDirectories(path);
        CompletedCheckpoint completed = new CompletedCheckpoint(checkpoint.id(), checkpoint.timestamp(),
                checkpoint.taskStates(), topology, checkpoint.coordinatorStates(), path.toString());
        Path temporary = path.resolve(CheckpointMetadata.FILE_NAME + ".inprogress");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            CheckpointMetadata.write(completed, out);
        }
        Files.move(temporary, path.resolve(CheckpointMetadata.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
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
        Path file = Path.of(checkpoint.externalPointer()).resolve(inFile.relativePath());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return resolveSharedFiles(checkpoint, TaskStateSnapshotFormat.read(in, file.toString()));
        }
    }

    /**
     * Gives the keyed files of a state read back from {@code checkpoint} the directory their shared
     * files are relative to: the job directory the checkpoint's directory is in.
     */
    private static TaskStateSnapshot resolveSharedFiles(CompletedCheckpoint checkpoint, TaskStateSnapshot state)
            throws IOException {
        String base = Path.of(checkpoint.externalPointer()).toAbsolutePath().getParent().toString();
        return StateFilesWriter.convert(state, files -> files instanceof KeyedStateFiles.Stored stored
                && stored.baseDirectory() == null ? stored.withBaseDirectory(base) : files);
    }

    /** Deletes the directory and everything in it (best effort: a failure is logged, not thrown). */
    public void delete() {
        deleteRecursively(path);
    }

    static void deleteRecursively(Path path) {
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
