package io.weir.runtime.state;

import io.weir.api.state.StateDescriptor;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What precedes one state's (or one timer service's) part of a key group's snapshot bytes: its
 * name, its kind, the serializers it was written with and a readable description of its type, so
 * that a restore can tell whether the state registered again is the same one, and migrate it when
 * its schema evolved ({@link StoredSchema}).
 *
 * @param kind the state's {@code StateDescriptor.Type} name, or {@link #TIMERS}
 * @param serializers the classes of the key, namespace and value serializers (for people)
 * @param type the stored type as the user declared it (for error messages)
 * @param serializerSnapshots the snapshots of the serializers of the stored parts (see
 *     {@link StoredSchema}); empty when the key serializer was unknown
 */
public record SectionHeader(String name, String kind, boolean ttl, String serializers, String type,
        byte[] serializerSnapshots) {
    static final String TIMERS = "TIMERS";

    boolean isTimers() {
        return TIMERS.equals(kind);
    }

    public void write(DataOutputView out) throws IOException {
        out.writeUTF(name);
        out.writeUTF(kind);
        out.writeBoolean(ttl);
        out.writeUTF(serializers);
        out.writeUTF(type);
        out.writeInt(serializerSnapshots.length);
        out.write(serializerSnapshots);
    }

    public static SectionHeader read(DataInputView in) throws IOException {
        String name = in.readUTF();
        String kind = in.readUTF();
        boolean ttl = in.readBoolean();
        String serializers = in.readUTF();
        String type = in.readUTF();
        byte[] snapshots = new byte[in.readInt()];
        in.readFully(snapshots);
        return new SectionHeader(name, kind, ttl, serializers, type, snapshots);
    }

    /** The header of a state or timer service whose stored parts (key, namespace, values) {@code parts} write. */
    static SectionHeader of(String name, String kind, boolean ttl, String type, TypeSerializer<?> keySerializer,
            TypeSerializer<?> namespaceSerializer, TypeSerializer<?>[] valueSerializers, String valueClasses) {
        List<TypeSerializer<?>> parts = parts(keySerializer, namespaceSerializer, valueSerializers);
        return new SectionHeader(name, kind, ttl, serializers(keySerializer, namespaceSerializer, valueClasses), type,
                keySerializer == null ? new byte[0] : StoredSchema.snapshotsOf(parts));
    }

    static List<TypeSerializer<?>> parts(TypeSerializer<?> keySerializer, TypeSerializer<?> namespaceSerializer,
            TypeSerializer<?>[] valueSerializers) {
        List<TypeSerializer<?>> parts = new ArrayList<>(2 + valueSerializers.length);
        parts.add(keySerializer);
        parts.add(namespaceSerializer);
        parts.addAll(Arrays.asList(valueSerializers));
        return parts;
    }

    /**
     * The header a state of {@code descriptor} has in snapshots, with its key and namespace
     * serializers: the same for every backend, so canonical snapshots move between backends.
     */
    public static SectionHeader ofState(StateDescriptor<?, ?> descriptor, SerializerConfig config,
            TypeSerializer<?> keySerializer, TypeSerializer<?> namespaceSerializer) {
        return ofState(descriptor, StoredValueFormat.of(descriptor, config), keySerializer, namespaceSerializer);
    }

    static SectionHeader ofState(StateDescriptor<?, ?> descriptor, StoredValueFormat format,
            TypeSerializer<?> keySerializer, TypeSerializer<?> namespaceSerializer) {
        return of(descriptor.getName(), descriptor.getType().name(), descriptor.getTtlConfig().isEnabled(),
                descriptor.getTypeInformation().toString(), keySerializer, namespaceSerializer, format.serializers(),
                format.serializerClasses());
    }

    static String serializers(Object keySerializer, Object namespaceSerializer, String valueSerializers) {
        return "key " + className(keySerializer) + ", namespace " + className(namespaceSerializer)
                + (valueSerializers == null ? "" : ", value " + valueSerializers);
    }

    private static String className(Object serializer) {
        return serializer == null ? "none" : serializer.getClass().getName();
    }
}
