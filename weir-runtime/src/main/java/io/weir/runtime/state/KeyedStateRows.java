package io.weir.runtime.state;

import io.weir.api.state.VoidNamespace;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the entries of one keyed state out of the key-group bytes of a snapshot as rows, with
 * serializers restored from the serializer snapshots stored with the state: no job, no descriptor
 * and no backend is needed. A list state gives one row per element, a map state one per entry.
 * For {@code bin/weir savepoint inspect --state}.
 */
public final class KeyedStateRows {
    /**
     * One row.
     *
     * @param namespace {@code null} for state outside windows
     * @param userKey the map key of a map state's entry; {@code null} for other states
     */
    public record Row(int keyGroup, Object key, Object namespace, Object userKey, Object value) {}

    /** What the snapshot has of the state: its header (kind, type, serializers) and its rows. */
    public record Rows(SectionHeader header, List<Row> rows, boolean truncated) {}

    private KeyedStateRows() {}

    /**
     * Reads up to {@code limit} rows of state {@code stateName} from {@code keyGroups} (key group
     * → its bytes, of any number of subtasks), in key group order.
     *
     * @param classLoader loads the user classes the stored serializer snapshots name
     * @return {@code null} if no key group holds the state
     * @throws IOException if the bytes or snapshots are unreadable; a missing user class is an
     *     IOException caused by a {@link ClassNotFoundException}
     */
    public static Rows read(Map<Integer, byte[]> keyGroups, String stateName, int limit, ClassLoader classLoader)
            throws IOException {
        SectionHeader header = null;
        TypeSerializer<?>[] serializers = null;
        List<Row> rows = new ArrayList<>();
        DataInputDeserializer in = new DataInputDeserializer();
        for (Map.Entry<Integer, byte[]> group : new TreeMap<>(keyGroups).entrySet()) {
            in.setBuffer(group.getValue());
            int version = in.readInt();
            if (version != RestoredKeyGroups.FORMAT_VERSION) {
                throw new IOException("key group " + group.getKey() + " has state format version " + version
                        + "; this Weir reads version " + RestoredKeyGroups.FORMAT_VERSION);
            }
            for (int sections = in.readInt(); sections > 0; sections--) {
                SectionHeader section = SectionHeader.read(in);
                int length = in.readInt();
                if (section.isTimers() || !section.name().equals(stateName)) {
                    in.skipBytesToRead(length);
                    continue;
                }
                if (header == null) {
                    header = section;
                    serializers = restoreSerializers(section, classLoader);
                }
                if (!readEntries(in, group.getKey(), header, serializers, rows, limit)) {
                    return new Rows(header, rows, true);
                }
            }
        }
        return header == null ? null : new Rows(header, rows, false);
    }

    private static TypeSerializer<?>[] restoreSerializers(SectionHeader header, ClassLoader classLoader)
            throws IOException {
        if (header.serializerSnapshots().length == 0) {
            throw new IOException("state '" + header.name() + "' was written without serializer snapshots (its "
                    + "operator's key type was unknown), so its values cannot be read without the job");
        }
        List<TypeSerializerSnapshot<?>> snapshots = StoredSchema.read(header.serializerSnapshots(), classLoader);
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[snapshots.size()];
        for (int i = 0; i < serializers.length; i++) {
            serializers[i] = snapshots.get(i).restoreSerializer();
        }
        return serializers;
    }

    /** Adds the rows of one section; returns {@code false} once {@code limit} rows are there. */
    private static boolean readEntries(DataInputDeserializer in, int keyGroup, SectionHeader header,
            TypeSerializer<?>[] serializers, List<Row> rows, int limit) throws IOException {
        for (int count = in.readInt(); count > 0; count--) {
            Object namespace = serializers[1].deserialize(in);
            Object key = serializers[0].deserialize(in);
            Object shownNamespace = namespace instanceof VoidNamespace ? null : namespace;
            switch (header.kind()) {
                case "LIST" -> {
                    for (int n = in.readInt(); n > 0; n--) {
                        if (!add(rows, limit, new Row(keyGroup, key, shownNamespace, null,
                                readValue(in, serializers[2], header.ttl())))) {
                            return false;
                        }
                    }
                }
                case "MAP" -> {
                    for (int n = in.readInt(); n > 0; n--) {
                        Object userKey = serializers[2].deserialize(in);
                        if (!add(rows, limit, new Row(keyGroup, key, shownNamespace, userKey,
                                readValue(in, serializers[3], header.ttl())))) {
                            return false;
                        }
                    }
                }
                default -> {
                    if (!add(rows, limit, new Row(keyGroup, key, shownNamespace, null,
                            readValue(in, serializers[2], header.ttl())))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean add(List<Row> rows, int limit, Row row) {
        if (rows.size() >= limit) {
            return false;
        }
        rows.add(row);
        return true;
    }

    /** A stored value; with TTL its last-access time comes first and is left out. */
    private static Object readValue(DataInputDeserializer in, TypeSerializer<?> serializer, boolean ttl)
            throws IOException {
        if (ttl) {
            in.readLong();
        }
        return serializer.deserialize(in);
    }
}
