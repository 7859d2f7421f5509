package io.weir.runtime.state;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.OperatorStateStore;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.OperatorStateEntries;
import io.weir.runtime.checkpoint.OperatorStateEntries.Redistribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The non-keyed state of one operator instance, on the heap: list states (split on restore), union
 * list states (every instance gets all) and broadcast states (every instance has the same copy).
 *
 * <p>{@link #snapshot} serializes every element (and broadcast entry) into its own byte array, so
 * that a restore can redistribute entries without reading them ({@code StateAssignment}).
 * {@link #restore} keeps the entries until the operator registers the state again, then reads them
 * with the descriptor's serializer; entries of states never registered again go into later
 * snapshots unchanged.
 *
 * <p>Threading: the task's thread only.
 */
public final class HeapOperatorStateBackend implements OperatorStateStore {
    private final String operatorName;
    private final SerializerConfig serializerConfig;
    private final Map<String, RegisteredList<?>> lists = new LinkedHashMap<>();
    private final Map<String, RegisteredBroadcast<?, ?>> broadcasts = new LinkedHashMap<>();
    private final Map<String, OperatorStateEntries> restored = new LinkedHashMap<>();

    private record RegisteredList<S>(OperatorListState<S> state, Redistribution mode, TypeSerializer<S> serializer,
            String description, byte[] snapshots) {}

    private record RegisteredBroadcast<K, V>(OperatorBroadcastState<K, V> state, TypeSerializer<K> keySerializer,
            TypeSerializer<V> valueSerializer, String description, byte[] snapshots) {}

    public HeapOperatorStateBackend(String operatorName, SerializerConfig serializerConfig) {
        this.operatorName = operatorName;
        this.serializerConfig = serializerConfig;
    }

    /** Hands this backend the operator state of a checkpoint; call before the operator registers any state. */
    public void restore(List<OperatorStateEntries> states) {
        if (!lists.isEmpty() || !broadcasts.isEmpty()) {
            throw new IllegalStateException("Operator state of '" + operatorName + "' must be restored before it is used.");
        }
        restored.clear();
        for (OperatorStateEntries state : states) {
            restored.put(state.name(), state);
        }
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        return list(descriptor, Redistribution.SPLIT_DISTRIBUTE);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return list(descriptor, Redistribution.UNION);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> list(ListStateDescriptor<S> descriptor, Redistribution mode) {
        String name = descriptor.getName();
        checkNameFree(name, broadcasts.containsKey(name), "broadcast", mode);
        RegisteredList<?> existing = lists.get(name);
        if (existing != null) {
            if (existing.mode() != mode) {
                throw kindConflict(name, kind(existing.mode()), kind(mode));
            }
            return (ListState<S>) existing.state();
        }
        TypeSerializer<S> serializer = descriptor.getElementTypeInformation().createSerializer(serializerConfig);
        RegisteredList<S> registered = new RegisteredList<>(new OperatorListState<>(name), mode, serializer,
                serializer.getClass().getName(), StoredSchema.snapshotsOf(List.of(serializer)));
        OperatorStateEntries entries = takeRestored(name, mode, registered.description(),
                descriptor.getElementTypeInformation().toString());
        if (entries != null) {
            TypeSerializer<S> reader = (TypeSerializer<S>) readers(entries, descriptor.getElementTypeInformation()
                    .toString(), List.of(serializer))[0];
            DataInputDeserializer in = new DataInputDeserializer();
            for (byte[] entry : entries.entries()) {
                in.setBuffer(entry);
                registered.state().elements().add(read(reader, in, name));
            }
        }
        lists.put(name, registered);
        return registered.state();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
        String name = descriptor.getName();
        checkNameFree(name, lists.containsKey(name), "list", Redistribution.BROADCAST);
        RegisteredBroadcast<?, ?> existing = broadcasts.get(name);
        if (existing != null) {
            return (BroadcastState<K, V>) existing.state();
        }
        TypeSerializer<K> keySerializer = descriptor.getKeyTypeInformation().createSerializer(serializerConfig);
        TypeSerializer<V> valueSerializer = descriptor.getValueTypeInformation().createSerializer(serializerConfig);
        RegisteredBroadcast<K, V> registered = new RegisteredBroadcast<>(new OperatorBroadcastState<>(), keySerializer,
                valueSerializer, keySerializer.getClass().getName() + " to " + valueSerializer.getClass().getName(),
                StoredSchema.snapshotsOf(List.of(keySerializer, valueSerializer)));
        String type = descriptor.getKeyTypeInformation() + " to " + descriptor.getValueTypeInformation();
        OperatorStateEntries entries = takeRestored(name, Redistribution.BROADCAST, registered.description(), type);
        if (entries != null) {
            TypeSerializer<?>[] readers = readers(entries, type, List.of(keySerializer, valueSerializer));
            DataInputDeserializer in = new DataInputDeserializer();
            for (byte[] entry : entries.entries()) {
                in.setBuffer(entry);
                K key = read((TypeSerializer<K>) readers[0], in, name);
                registered.state().map().put(key, read((TypeSerializer<V>) readers[1], in, name));
            }
        }
        broadcasts.put(name, registered);
        return registered.state();
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return Collections.unmodifiableSet(lists.keySet());
    }

    @Override
    public Set<String> getRegisteredBroadcastStateNames() {
        return Collections.unmodifiableSet(broadcasts.keySet());
    }

    /** Serializes every state, element by element (broadcast states entry by entry), as it is now. */
    public List<OperatorStateEntries> snapshot() {
        List<OperatorStateEntries> states = new ArrayList<>();
        DataOutputSerializer out = new DataOutputSerializer(256);
        try {
            for (Map.Entry<String, RegisteredList<?>> list : lists.entrySet()) {
                states.add(new OperatorStateEntries(list.getKey(), list.getValue().mode(), serialize(list.getValue(), out),
                        list.getValue().description(), list.getValue().snapshots()));
            }
            for (Map.Entry<String, RegisteredBroadcast<?, ?>> broadcast : broadcasts.entrySet()) {
                states.add(new OperatorStateEntries(broadcast.getKey(), Redistribution.BROADCAST,
                        serialize(broadcast.getValue(), out), broadcast.getValue().description(),
                        broadcast.getValue().snapshots()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Snapshotting the operator state of '" + operatorName + "' failed: "
                    + e.getMessage(), e);
        }
        states.addAll(restored.values());
        return states;
    }

    private static <S> List<byte[]> serialize(RegisteredList<S> list, DataOutputSerializer out) throws IOException {
        List<byte[]> entries = new ArrayList<>(list.state().elements().size());
        for (S element : list.state().elements()) {
            out.clear();
            list.serializer().serialize(element, out);
            entries.add(out.getCopyOfBuffer());
        }
        return entries;
    }

    private static <K, V> List<byte[]> serialize(RegisteredBroadcast<K, V> broadcast, DataOutputSerializer out)
            throws IOException {
        List<byte[]> entries = new ArrayList<>(broadcast.state().map().size());
        for (Map.Entry<K, V> entry : broadcast.state().map().entrySet()) {
            out.clear();
            broadcast.keySerializer().serialize(entry.getKey(), out);
            broadcast.valueSerializer().serialize(entry.getValue(), out);
            entries.add(out.getCopyOfBuffer());
        }
        return entries;
    }

    /**
     * The serializers that read restored {@code entries}: checked against the serializers of the
     * state registered now ({@code now}) through the stored serializer snapshots, the old ones where
     * the values need a migration (see {@link StoredSchema#operatorStateReaders}).
     */
    private TypeSerializer<?>[] readers(OperatorStateEntries entries, String type, List<TypeSerializer<?>> now) {
        if (entries.serializerSnapshots().length == 0) {
            return now.toArray(TypeSerializer<?>[]::new); // written without snapshots: checked by class in takeRestored
        }
        return StoredSchema.operatorStateReaders(operatorName, entries.name(), entries.serializers(),
                entries.serializerSnapshots(), type, now);
    }

    /**
     * The restored entries of the state {@code name}, checked to be of the same kind as the state
     * registered now, of type {@code type}; entries without serializer snapshots must have been
     * written by the same serializer classes ({@code description}).
     */
    private OperatorStateEntries takeRestored(String name, Redistribution mode, String description, String type) {
        OperatorStateEntries entries = restored.get(name);
        if (entries != null && entries.mode() != mode) {
            throw kindConflict(name, kind(entries.mode()) + " in the restored checkpoint", kind(mode));
        }
        if (entries != null && entries.serializerSnapshots().length == 0 && !entries.serializers().isEmpty()
                && !entries.serializers().equals(description)) {
            throw new IllegalStateException("Operator state '" + name + "' of operator '" + operatorName
                    + "' cannot be restored: the checkpoint has it written by " + entries.serializers()
                    + ", and it is now registered as type " + type + " with " + description + ". Keep the state's type (or give the new "
                    + "state another name and migrate the values yourself).");
        }
        return restored.remove(name);
    }

    private <T> T read(TypeSerializer<T> serializer, DataInputDeserializer in, String name) {
        try {
            return serializer.deserialize(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Operator state '" + name + "' of operator '" + operatorName
                    + "' cannot be restored with serializer " + serializer.getClass().getName() + ": " + e
                    + ". Was the state's type changed since the checkpoint?", e);
        }
    }

    private void checkNameFree(String name, boolean takenByOtherKind, String otherKind, Redistribution mode) {
        if (takenByOtherKind) {
            throw kindConflict(name, otherKind + " state", kind(mode));
        }
    }

    private IllegalStateException kindConflict(String name, String before, String now) {
        return new IllegalStateException("Operator state '" + name + "' of operator '" + operatorName + "' is "
                + before + " and is now requested as " + now + ". Use a different name for each state.");
    }

    private static String kind(Redistribution mode) {
        switch (mode) {
            case UNION:
                return "union list state";
            case BROADCAST:
                return "broadcast state";
            default:
                return "list state";
        }
    }
}
