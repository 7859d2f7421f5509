package io.weir.runtime.checkpoint;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One named operator (non-keyed) state of a subtask, as serialized entries, and how its entries
 * are handed out when the operator is restored, possibly at another parallelism.
 *
 * @param name the state's name (its descriptor's name)
 * @param mode how the entries are redistributed on restore
 * @param entries the serialized entries: list elements, or broadcast map entries
 * @param serializers the classes of the serializers that wrote the entries, for people; empty if unknown
 * @param serializerSnapshots the snapshots of those serializers (a list's element; a broadcast
 *     state's key and value), which a restore checks against the state registered again; empty if
 *     unknown
 */
public record OperatorStateEntries(String name, Redistribution mode, List<byte[]> entries, String serializers,
        byte[] serializerSnapshots) implements Serializable {

    /** How entries of an operator state reach the subtasks of a restored operator. */
    public enum Redistribution {
        /** List state: the entries of all old subtasks are split evenly over the new ones. */
        SPLIT_DISTRIBUTE,
        /** Union list state: every new subtask gets the entries of all old subtasks. */
        UNION,
        /** Broadcast state: every subtask held the same entries; every new subtask gets one copy. */
        BROADCAST
    }

    public OperatorStateEntries {
        entries = List.copyOf(entries);
        serializers = serializers == null ? "" : serializers;
        serializerSnapshots = serializerSnapshots == null ? new byte[0] : serializerSnapshots;
    }

    /** Entries whose serializers are not recorded. */
    public OperatorStateEntries(String name, Redistribution mode, List<byte[]> entries) {
        this(name, mode, entries, "", new byte[0]);
    }

    /** The same state with other entries (what a redistribution hands one subtask). */
    public OperatorStateEntries withEntries(List<byte[]> newEntries) {
        return new OperatorStateEntries(name, mode, newEntries, serializers, serializerSnapshots);
    }

    public long stateSize() {
        long size = 0;
        for (byte[] entry : entries) {
            size += entry.length;
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OperatorStateEntries other) || !name.equals(other.name) || mode != other.mode
                || !serializers.equals(other.serializers) || !Arrays.equals(serializerSnapshots, other.serializerSnapshots)
                || entries.size() != other.entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!Arrays.equals(entries.get(i), other.entries.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + mode.hashCode();
    }
}
