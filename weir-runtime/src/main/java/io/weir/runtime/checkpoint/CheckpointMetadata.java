package io.weir.runtime.checkpoint;

import io.weir.api.fs.FileSystem;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code _metadata} file of a checkpoint: its id and time, the parallelism of every vertex, the
 * identity of every operator,
 * every task's state file (relative to the checkpoint's directory) and the operator coordinators'
 * states.
 */
public final class CheckpointMetadata {
    public static final String FILE_NAME = "_metadata";
    private static final int MAGIC = 0x57434d44; // "WCMD"
    private static final int VERSION = 2;

    private CheckpointMetadata() {}

    static void write(CompletedCheckpoint checkpoint, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(checkpoint.id());
        out.writeLong(checkpoint.timestamp());
        out.writeInt(checkpoint.parallelism().size());
        for (Map.Entry<Integer, Integer> e : checkpoint.parallelism().entrySet()) {
            out.writeInt(e.getKey());
            out.writeInt(e.getValue());
        }
        out.writeInt(checkpoint.topology().operators().size());
        for (Map.Entry<Integer, CheckpointedOperator> e : checkpoint.topology().operators().entrySet()) {
            CheckpointedOperator op = e.getValue();
            out.writeInt(e.getKey());
            out.writeInt(op.vertexId());
            out.writeUTF(op.operatorId());
            out.writeBoolean(op.uid() != null);
            if (op.uid() != null) {
                out.writeUTF(op.uid());
            }
            out.writeUTF(op.name());
            out.writeInt(op.maxParallelism());
        }
        out.writeInt(checkpoint.taskStates().size());
        for (Map.Entry<TaskKey, TaskStateHandle> e : checkpoint.taskStates().entrySet()) {
            if (!(e.getValue() instanceof TaskStateHandle.InFile file)) {
                throw new IOException("Task " + e.getKey() + " kept its state in memory; it cannot go into a file");
            }
            out.writeInt(e.getKey().vertexId());
            out.writeInt(e.getKey().subtaskIndex());
            out.writeUTF(file.relativePath());
            out.writeLong(file.size());
        }
        out.writeInt(checkpoint.coordinatorStates().size());
        for (Map.Entry<Integer, byte[]> e : checkpoint.coordinatorStates().entrySet()) {
            out.writeInt(e.getKey());
            TaskStateSnapshotFormat.writeBytes(e.getValue(), out);
        }
    }

    /**
     * Reads a completed checkpoint from its directory or its {@code _metadata} file, wherever the
     * directory has been moved to.
     */
    public static CompletedCheckpoint load(Path pathToCheckpoint) throws IOException {
        return load(io.weir.api.fs.Path.fromLocalFile(pathToCheckpoint.toAbsolutePath().toFile()));
    }

    /**
     * Reads a completed checkpoint from its directory or its {@code _metadata} file on any file system
     * (a local path, {@code s3://...}), wherever the directory has been moved to.
     */
    public static CompletedCheckpoint load(io.weir.api.fs.Path pathToCheckpoint) throws IOException {
        FileSystem fs = pathToCheckpoint.getFileSystem();
        io.weir.api.fs.Path dir = isDirectory(fs, pathToCheckpoint) ? pathToCheckpoint : pathToCheckpoint.getParent();
        io.weir.api.fs.Path file = new io.weir.api.fs.Path(dir, FILE_NAME);
        if (!fs.exists(file)) {
            throw new IOException("No checkpoint at " + pathToCheckpoint + ": " + file + " does not exist (an "
                    + "incomplete checkpoint has no metadata file; pick another chk-<id> directory)");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(fs.open(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a Weir checkpoint metadata file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has metadata version " + version + "; this Weir reads " + VERSION);
            }
            long id = in.readLong();
            long timestamp = in.readLong();
            Map<Integer, Integer> parallelism = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                parallelism.put(in.readInt(), in.readInt());
            }
            Map<Integer, CheckpointedOperator> operators = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                int nodeId = in.readInt();
                int vertexId = in.readInt();
                String operatorId = in.readUTF();
                String uid = in.readBoolean() ? in.readUTF() : null;
                operators.put(nodeId, new CheckpointedOperator(vertexId, operatorId, uid, in.readUTF(), in.readInt()));
            }
            Map<TaskKey, TaskStateHandle> tasks = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                TaskKey key = new TaskKey(in.readInt(), in.readInt());
                tasks.put(key, new TaskStateHandle.InFile(in.readUTF(), in.readLong()));
            }
            Map<Integer, byte[]> coordinators = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                coordinators.put(in.readInt(), TaskStateSnapshotFormat.readBytes(in));
            }
            return new CompletedCheckpoint(id, timestamp, tasks, new JobTopology(parallelism, operators), coordinators,
                    CheckpointStorage.pointer(dir));
        }
    }

    private static boolean isDirectory(FileSystem fs, io.weir.api.fs.Path path) throws IOException {
        try {
            return fs.getFileStatus(path).isDir();
        } catch (FileNotFoundException e) {
            return false;
        }
    }
}
