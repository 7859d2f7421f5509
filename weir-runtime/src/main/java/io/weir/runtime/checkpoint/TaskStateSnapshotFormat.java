package io.weir.runtime.checkpoint;

import io.weir.runtime.state.KeyGroupRange;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link TaskStateSnapshot} in checkpoint storage: a magic number and version,
 * then the checkpoint id, then per operator its id, key-group range, keyed state per key group, named
 * operator states and (since version 3) keyed state as database files ({@link KeyedStateFiles.Stored}).
 */
public final class TaskStateSnapshotFormat {
    private static final int MAGIC = 0x57545353; // "WTSS"
    /**
     * 2 adds the in-flight data of unaligned checkpoints after the operators, 3 each operator's
     * keyed state as database files; 1 and 2 are still read.
     */
    private static final int VERSION = 4;

    private TaskStateSnapshotFormat() {}

    public static void write(TaskStateSnapshot snapshot, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(snapshot.checkpointId());
        out.writeInt(snapshot.operators().size());
        for (Map.Entry<Integer, OperatorSubtaskState> e : snapshot.operators().entrySet()) {
            out.writeInt(e.getKey());
            writeOperator(e.getValue(), out);
        }
        writeInFlight(snapshot.inFlight(), out);
    }

    private static void writeInFlight(InFlightData data, DataOutputStream out) throws IOException {
        out.writeInt(data.inputs().size());
        for (Map.Entry<Integer, List<byte[]>> e : data.inputs().entrySet()) {
            out.writeInt(e.getKey());
            writeParts(e.getValue(), out);
        }
        out.writeInt(data.outputs().size());
        for (Map.Entry<InFlightData.Channel, List<byte[]>> e : data.outputs().entrySet()) {
            out.writeUTF(e.getKey().consumerOperatorId());
            out.writeInt(e.getKey().consumerSubtask());
            out.writeInt(e.getKey().channel());
            writeParts(e.getValue(), out);
        }
    }

    private static void writeParts(List<byte[]> parts, DataOutputStream out) throws IOException {
        out.writeInt(parts.size());
        for (byte[] part : parts) {
            writeBytes(part, out);
        }
    }

    private static InFlightData readInFlight(DataInputStream in) throws IOException {
        Map<Integer, List<byte[]>> inputs = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            inputs.put(in.readInt(), readParts(in));
        }
        Map<InFlightData.Channel, List<byte[]>> outputs = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            outputs.put(new InFlightData.Channel(in.readUTF(), in.readInt(), in.readInt()), readParts(in));
        }
        return new InFlightData(inputs, outputs);
    }

    private static List<byte[]> readParts(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<byte[]> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(readBytes(in));
        }
        return parts;
    }

    private static void writeOperator(OperatorSubtaskState state, DataOutputStream out) throws IOException {
        KeyGroupRange range = state.keyGroupRange();
        out.writeBoolean(range != null);
        if (range != null) {
            out.writeInt(range.start());
            out.writeInt(range.end());
        }
        out.writeInt(state.keyedState().size());
        for (Map.Entry<Integer, byte[]> group : state.keyedState().entrySet()) {
            out.writeInt(group.getKey());
            writeBytes(group.getValue(), out);
        }
        out.writeInt(state.operatorState().size());
        for (OperatorStateEntries named : state.operatorState()) {
            out.writeUTF(named.name());
            out.writeByte(named.mode().ordinal());
            out.writeInt(named.entries().size());
            for (byte[] entry : named.entries()) {
                writeBytes(entry, out);
            }
            out.writeUTF(named.serializers());
            writeBytes(named.serializerSnapshots(), out);
        }
        out.writeInt(state.keyedFiles().size());
        for (KeyedStateFiles files : state.keyedFiles()) {
            writeFiles(files, out);
        }
    }

    private static void writeFiles(KeyedStateFiles files, DataOutputStream out) throws IOException {
        if (!(files instanceof KeyedStateFiles.Stored stored)) {
            throw new IllegalStateException("Local state files must be persisted before they are written: " + files);
        }
        out.writeUTF(stored.backend());
        out.writeInt(stored.keyGroupRange().start());
        out.writeInt(stored.keyGroupRange().end());
        out.writeInt(stored.sharedFiles().size());
        for (KeyedStateFiles.SharedFile file : stored.sharedFiles()) {
            out.writeUTF(file.name());
            out.writeUTF(file.path());
            out.writeLong(file.size());
        }
        out.writeInt(stored.inlineFiles().size());
        for (Map.Entry<String, byte[]> file : stored.inlineFiles().entrySet()) {
            out.writeUTF(file.getKey());
            writeBytes(file.getValue(), out);
        }
    }

    private static KeyedStateFiles readFiles(DataInputStream in) throws IOException {
        String backend = in.readUTF();
        KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
        int shared = in.readInt();
        List<KeyedStateFiles.SharedFile> sharedFiles = new ArrayList<>(shared);
        for (int i = 0; i < shared; i++) {
            sharedFiles.add(new KeyedStateFiles.SharedFile(in.readUTF(), in.readUTF(), in.readLong()));
        }
        int inline = in.readInt();
        Map<String, byte[]> inlineFiles = new HashMap<>();
        for (int i = 0; i < inline; i++) {
            inlineFiles.put(in.readUTF(), readBytes(in));
        }
        return new KeyedStateFiles.Stored(backend, range, sharedFiles, inlineFiles, null);
    }

    public static TaskStateSnapshot read(DataInputStream in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(source + " is not a Weir task state file");
        }
        int version = in.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException(source + " has task state format version " + version + "; this Weir reads "
                    + "versions 1 to " + VERSION);
        }
        long checkpointId = in.readLong();
        int operators = in.readInt();
        Map<Integer, OperatorSubtaskState> states = new HashMap<>();
        for (int i = 0; i < operators; i++) {
            states.put(in.readInt(), readOperator(in, version));
        }
        return new TaskStateSnapshot(checkpointId, states, version >= 2 ? readInFlight(in) : InFlightData.NONE);
    }

    private static OperatorSubtaskState readOperator(DataInputStream in, int version) throws IOException {
        KeyGroupRange range = in.readBoolean() ? new KeyGroupRange(in.readInt(), in.readInt()) : null;
        int groups = in.readInt();
        Map<Integer, byte[]> keyed = new HashMap<>();
        for (int i = 0; i < groups; i++) {
            keyed.put(in.readInt(), readBytes(in));
        }
        int named = in.readInt();
        List<OperatorStateEntries> operatorState = new ArrayList<>();
        OperatorStateEntries.Redistribution[] modes = OperatorStateEntries.Redistribution.values();
        for (int i = 0; i < named; i++) {
            String name = in.readUTF();
            OperatorStateEntries.Redistribution mode = modes[in.readByte()];
            int count = in.readInt();
            List<byte[]> entries = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                entries.add(readBytes(in));
            }
            operatorState.add(version >= 4 ? new OperatorStateEntries(name, mode, entries, in.readUTF(), readBytes(in))
                    : new OperatorStateEntries(name, mode, entries));
        }
        List<KeyedStateFiles> files = new ArrayList<>();
        int fileSets = version >= 3 ? in.readInt() : 0;
        for (int i = 0; i < fileSets; i++) {
            files.add(readFiles(in));
        }
        return new OperatorSubtaskState(range, keyed, operatorState, files);
    }

    static void writeBytes(byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
