package io.weir.runtime.state;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The serializer snapshots a state's section header carries, one per stored part in this order:
 * the key, the namespace, then the value parts (the value; a list state's element; a map state's
 * user key and user value). Timer services carry the key and the namespace only.
 *
 * <p>On restore, {@link #valueReaders} compares the stored snapshots with the serializers the state
 * is registered with now: keys and namespaces must be compatible as is (they place entries in key
 * groups and order them); values may need a migration, which the backend performs by reading with
 * the serializers it returns and writing with the new ones.
 */
public final class StoredSchema {
    private StoredSchema() {}

    /** The versioned snapshots of {@code parts}, as a header stores them. */
    static byte[] snapshotsOf(List<TypeSerializer<?>> parts) {
        DataOutputSerializer out = new DataOutputSerializer(128);
        try {
            out.writeInt(parts.size());
            for (TypeSerializer<?> part : parts) {
                TypeSerializerSnapshot.writeVersionedSnapshot(out, part.snapshotConfiguration());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A serializer snapshot could not be written: " + e.getMessage(), e);
        }
        return out.getCopyOfBuffer();
    }

    /** Reads what {@link #snapshotsOf} wrote; user classes come from {@code classLoader}. */
    public static List<TypeSerializerSnapshot<?>> read(byte[] snapshots, ClassLoader classLoader) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(snapshots);
        int count = in.readInt();
        List<TypeSerializerSnapshot<?>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader));
        }
        return parts;
    }

    /**
     * Checks a restored state's header against the header of the state registered now, whose
     * stored parts {@code partsNow} (key, namespace, values) serialize.
     *
     * @return {@code null} when the stored data is read as it is; otherwise the serializers that
     *     read the stored value parts, to be written again with the new ones (a migration)
     * @throws IllegalStateException when the state cannot be restored, saying why and what to do
     */
    static TypeSerializer<?>[] valueReaders(String operatorName, SectionHeader before, SectionHeader now,
            List<TypeSerializer<?>> partsNow) {
        checkKind(operatorName, before, now);
        if (before.serializerSnapshots().length == 0 || now.serializerSnapshots().length == 0) {
            // written without a key serializer, so without snapshots: only the same serializers will do
            if (!before.serializers().equals(now.serializers())) {
                throw incompatible(operatorName, before, now, "its serializers changed from " + before.serializers()
                        + " to " + now.serializers());
            }
            return null;
        }
        List<TypeSerializerSnapshot<?>> stored = readStored(operatorName, before);
        if (stored.size() != partsNow.size()) {
            throw incompatible(operatorName, before, now, "it was stored in " + stored.size()
                    + " parts and is now registered with " + partsNow.size());
        }
        for (int i = 0; i < 2; i++) {
            TypeSerializerSchemaCompatibility<?> compatibility = resolve(stored.get(i), partsNow.get(i));
            if (!compatibility.isCompatibleAsIs()) {
                throw incompatible(operatorName, before, now, (i == 0 ? "its key serializer changed from "
                        : "its namespace serializer changed from ") + stored.get(i) + " to "
                        + partsNow.get(i).snapshotConfiguration() + ". Keys and namespaces decide where entries are "
                        + "stored, so any change of their serializers is incompatible: keep the key type");
            }
        }
        TypeSerializer<?>[] readers = new TypeSerializer<?>[partsNow.size() - 2];
        boolean migrate = false;
        for (int i = 2; i < partsNow.size(); i++) {
            TypeSerializerSchemaCompatibility<?> compatibility = resolve(stored.get(i), partsNow.get(i));
            if (compatibility.isIncompatible()) {
                throw incompatible(operatorName, before, now, "the " + partName(now, i) + " serializer now ("
                        + describe(partsNow.get(i).snapshotConfiguration()) + ") cannot read what the old one ("
                        + describe(stored.get(i))
                        + ") wrote. Weir migrates POJOs and records whose fields were added or removed, enums whose "
                        + "constants were added or reordered, and collections of such types; a field whose type "
                        + "changed is incompatible. Keep the old type, or give the new state another name "
                        + "(and restore with execution.state-recovery.ignore-unclaimed-state: true to drop the old one)");
            }
            migrate |= !compatibility.isCompatibleAsIs();
            readers[i - 2] = compatibility.isCompatibleWithReconfiguredSerializer()
                    ? compatibility.getReconfiguredSerializer()
                    : compatibility.isCompatibleAfterMigration() ? stored.get(i).restoreSerializer() : partsNow.get(i);
        }
        return migrate ? readers : null;
    }

    /**
     * Checks an operator (non-keyed) state's stored serializer snapshots against the serializers of
     * the state registered now ({@code partsNow}: a list's element; a broadcast state's key and value).
     *
     * @return the serializers that read the stored entries: the new ones when they read them as they
     *     are, else the old ones (the heap keeps objects, so later snapshots write the new format)
     * @throws IllegalStateException when a part is incompatible, naming the operator, the state and both types
     */
    static TypeSerializer<?>[] operatorStateReaders(String operatorName, String stateName, String storedSerializers,
            byte[] storedSnapshots, String typeNow, List<TypeSerializer<?>> partsNow) {
        List<TypeSerializerSnapshot<?>> stored;
        try {
            stored = read(storedSnapshots, Thread.currentThread().getContextClassLoader());
        } catch (IOException e) {
            throw new IllegalStateException("The stored serializer snapshots of operator state '" + stateName
                    + "' of operator '" + operatorName + "' are unreadable: " + e.getMessage(), e);
        }
        TypeSerializer<?>[] readers = new TypeSerializer<?>[partsNow.size()];
        for (int i = 0; i < readers.length; i++) {
            TypeSerializerSchemaCompatibility<?> compatibility = i < stored.size()
                    ? resolve(stored.get(i), partsNow.get(i)) : TypeSerializerSchemaCompatibility.incompatible();
            if (compatibility.isIncompatible() || stored.size() != partsNow.size()) {
                throw new IllegalStateException("Operator state '" + stateName + "' of operator '" + operatorName
                        + "' cannot be restored: the checkpoint or savepoint has it written by " + stored
                        + " (" + storedSerializers + "), and it is now registered as type " + typeNow + " with "
                        + partsNow.stream().map(p -> p.snapshotConfiguration().toString()).toList()
                        + ", which cannot read it. Keep the old type, or give the new state another name (and "
                        + "restore with execution.state-recovery.ignore-unclaimed-state: true to drop the old one).");
            }
            readers[i] = compatibility.isCompatibleWithReconfiguredSerializer()
                    ? compatibility.getReconfiguredSerializer()
                    : compatibility.isCompatibleAfterMigration() ? stored.get(i).restoreSerializer() : partsNow.get(i);
        }
        return readers;
    }

    private static void checkKind(String operatorName, SectionHeader before, SectionHeader now) {
        if (!before.kind().equals(now.kind()) || before.ttl() != now.ttl()) {
            throw incompatible(operatorName, before, now, "the kind of state changed");
        }
    }

    private static List<TypeSerializerSnapshot<?>> readStored(String operatorName, SectionHeader header) {
        try {
            return read(header.serializerSnapshots(), Thread.currentThread().getContextClassLoader());
        } catch (IOException e) {
            throw new IllegalStateException("The stored serializer snapshots of state '" + header.name()
                    + "' of operator '" + operatorName + "' are unreadable: " + e.getMessage()
                    + (e.getCause() instanceof ClassNotFoundException ? " (is the job's jar complete?)" : ""), e);
        }
    }

    private static TypeSerializerSchemaCompatibility<?> resolve(TypeSerializerSnapshot<?> stored,
            TypeSerializer<?> now) {
        return TypeSerializerSnapshot.resolveCompatibility(now.snapshotConfiguration(), stored);
    }

    private static IllegalStateException incompatible(String operatorName, SectionHeader before, SectionHeader now,
            String why) {
        return new IllegalStateException("State '" + before.name() + "' of operator '" + operatorName
                + "' cannot be restored: the checkpoint or savepoint has it as " + describe(before) + ", and it is now registered as "
                + describe(now) + "; " + why + ".");
    }

    /** Which stored part index {@code i} (2 and up: after the key and the namespace) is. */
    private static String partName(SectionHeader header, int i) {
        return switch (header.kind()) {
            case "MAP" -> i == 2 ? "map key" : "map value";
            case "LIST" -> "list element";
            default -> "value";
        };
    }

    /**
     * A serializer's snapshot in words: its own text, else the serializer it restores, with objects
     * that have no text of their own ({@code a.b.IntSerializer@1f2e}) named by their class.
     */
    private static String describe(TypeSerializerSnapshot<?> snapshot) {
        String text = String.valueOf(snapshot);
        if (text.contains("@")) {
            try {
                text = String.valueOf(snapshot.restoreSerializer());
            } catch (RuntimeException e) {
                // a snapshot that cannot restore its serializer here is named by its class
            }
        }
        return DEFAULT_TEXT.matcher(text).replaceAll("$1");
    }

    /** {@link Object#toString()}'s form: a qualified class name, '@', the identity hash. */
    private static final java.util.regex.Pattern DEFAULT_TEXT =
            java.util.regex.Pattern.compile("(?:[\\w$]+\\.)*([\\w$]+)@[0-9a-f]+");

    private static String describe(SectionHeader header) {
        return header.kind() + (header.ttl() ? " state with TTL" : " state") + " of type " + header.type();
    }
}
