package io.weir.runtime.state;

import io.weir.api.state.StateDescriptor;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One state registered in a heap backend, with what it takes to snapshot and restore it: the
 * serializers of its keys, namespaces and stored values.
 *
 * <p>A section holds the number of entries, then per entry the namespace, the key and the stored
 * value ({@link StoredValueFormat}).
 *
 * <p>Threading: the task's thread only.
 */
final class RegisteredKeyedState<K> {
    private final String operatorName;
    private final StateDescriptor<?, ?> descriptor;
    private final HeapState<K, ?, ?> state;
    private final StoredValueFormat format;
    private final TypeSerializer<K> keySerializer;
    private TypeSerializer<?> namespaceSerializer = VoidNamespaceSerializer.INSTANCE;
    /** For TTL state with {@code cleanupFullSnapshot()}: the stored value without its expired parts, {@code null} if all expired. */
    private UnaryOperator<Object> withoutExpired;
    /** The header, made once per namespace serializer: its serializer snapshots take some work to write. */
    private SectionHeader header;

    RegisteredKeyedState(String operatorName, StateDescriptor<?, ?> descriptor, HeapState<K, ?, ?> state,
            StoredValueFormat format, TypeSerializer<K> keySerializer) {
        this.operatorName = operatorName;
        this.descriptor = descriptor;
        this.state = state;
        this.format = format;
        this.keySerializer = keySerializer;
        copyValuesOf(state.table(), format);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copyValuesOf(StateTable table, StoredValueFormat format) {
        table.copyValuesWith(format::copy);
    }

    StateDescriptor<?, ?> descriptor() {
        return descriptor;
    }

    /**
     * Sets how namespaces are written: states used per window are registered with the window
     * serializer; plain keyed state keeps {@link VoidNamespaceSerializer}.
     */
    void useNamespaceSerializer(TypeSerializer<?> serializer) {
        if (serializer != null && !(serializer instanceof VoidNamespaceSerializer) && serializer != namespaceSerializer) {
            namespaceSerializer = serializer;
            header = null;
        }
    }

    /** Leaves expired values out of snapshots (TTL's {@code cleanupFullSnapshot()}). */
    void leaveOutExpired(UnaryOperator<Object> pruner) {
        this.withoutExpired = pruner;
    }

    SectionHeader header() {
        if (header == null) {
            header = SectionHeader.ofState(descriptor, format, keySerializer, namespaceSerializer);
        }
        return header;
    }

    /**
     * This state's section of a snapshot taken now, to be written later on another thread: it reads
     * the table's maps as they are now (the table copies a key group the task touches before the
     * section released it) with duplicates of the serializers, which are not shared across threads.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    KeyGroupsWriter.Section snapshotSection() {
        if (state.table().size() > 0 && keySerializer == null) {
            throw new IllegalStateException("Keyed state '" + descriptor.getName() + "' of operator '" + operatorName
                    + "' cannot be snapshotted: the backend was created without a key serializer (give the key type).");
        }
        StateTableSnapshot<K, ?, ?> snapshot = ((StateTable) state.table()).snapshot();
        SectionHeader sectionHeader = header();
        int firstKeyGroup = state.table().firstKeyGroup();
        TypeSerializer<K> keys = keySerializer == null ? null : keySerializer.duplicate();
        TypeSerializer<Object> namespaces = (TypeSerializer<Object>) namespaceSerializer.duplicate();
        TypeSerializer<?>[] parts = format.serializers();
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].duplicate();
        }
        StoredValueFormat values = format.withSerializers(parts);
        UnaryOperator<Object> pruner = withoutExpired;
        return new KeyGroupsWriter.Section() {
            @Override
            public SectionHeader header() {
                return sectionHeader;
            }

            @Override
            public boolean write(int keyGroup, DataOutputSerializer out) throws IOException {
                return writeGroup(snapshot.group(keyGroup - firstKeyGroup), keys, namespaces, values, pruner, out);
            }

            @Override
            public void release(int keyGroup) {
                snapshot.release(keyGroup - firstKeyGroup);
            }

            @Override
            public void releaseAll() {
                snapshot.releaseAll();
            }
        };
    }

    /** Writes one key group's entries as they were at the snapshot; the maps and values are only read. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean writeGroup(HashMap<?, ? extends HashMap<K, ?>> group, TypeSerializer<K> keys,
            TypeSerializer<Object> namespaces, StoredValueFormat values, UnaryOperator<Object> pruner,
            DataOutputSerializer out) throws IOException {
        List<Object> entries = new ArrayList<>(); // namespace, key, stored value; for each entry to write
        for (Map.Entry<?, ? extends HashMap<K, ?>> byNamespace : group.entrySet()) {
            Object namespace = byNamespace.getKey();
            for (Map.Entry<K, ?> entry : byNamespace.getValue().entrySet()) {
                // the pruner drops expired parts in place: on a copy, as the task may be copying the original
                Object stored = pruner == null ? entry.getValue() : pruner.apply(values.copy(entry.getValue()));
                if (stored != null) {
                    entries.add(namespace);
                    entries.add(entry.getKey());
                    entries.add(stored);
                }
            }
        }
        if (entries.isEmpty()) {
            return false;
        }
        out.writeInt(entries.size() / 3);
        for (int i = 0; i < entries.size(); i += 3) {
            Object namespace = entries.get(i);
            if (!(namespace instanceof VoidNamespace) && ((Object) namespaces) instanceof VoidNamespaceSerializer) {
                throw new IllegalStateException("Keyed state '" + descriptor.getName() + "' of operator '"
                        + operatorName + "' holds values in namespace " + namespace + " but was registered without "
                        + "a namespace serializer: get it with getPartitionedState(namespace, namespaceSerializer, "
                        + "descriptor) so that its namespaces can be checkpointed.");
            }
            namespaces.serialize(namespace, out);
            keys.serialize((K) entries.get(i + 1), out);
            values.write(entries.get(i + 2), out);
        }
        return true;
    }

    /**
     * Reads the restored sections of this state into its table, after checking that they were
     * written by the same kind of state with compatible serializers ({@link StoredSchema}). Values
     * that need a migration are read with the serializers they were written with; as the heap keeps
     * objects, the next snapshot writes them with the new ones.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void restore(RestoredKeyGroups.Restored restored) throws IOException {
        TypeSerializer<?>[] readers = StoredSchema.valueReaders(operatorName, restored.header(), header(),
                SectionHeader.parts(keySerializer, namespaceSerializer, format.serializers()));
        StoredValueFormat readFormat = readers == null ? format : format.withSerializers(readers);
        StateTable table = state.table();
        DataInputDeserializer in = new DataInputDeserializer();
        for (Map.Entry<Integer, byte[]> section : restored.sections().entrySet()) {
            int keyGroup = section.getKey();
            in.setBuffer(section.getValue());
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                Object namespace = namespaceSerializer.deserialize(in);
                K key = keySerializer.deserialize(in);
                table.put(key, keyGroup, namespace, readFormat.read(in));
            }
        }
    }
}
