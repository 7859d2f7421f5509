package io.weir.runtime.state;

import io.weir.api.state.StateDescriptor;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;

/**
 * What precedes one state's (or one timer service's) part of a key group's snapshot bytes: its
 * name, its kind, the serializers it was written with and a readable description of its type, so
 * that a restore can tell whether the state registered again is the same one.
 *
 * @param kind the state's {@code StateDescriptor.Type} name, or {@link #TIMERS}
 * @param serializers the classes of the key, namespace and value serializers
 * @param type the stored type as the user declared it (for error messages)
 */
public record SectionHeader(String name, String kind, boolean ttl, String serializers, String type) {
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
    }

    public static SectionHeader read(DataInputView in) throws IOException {
        return new SectionHeader(in.readUTF(), in.readUTF(), in.readBoolean(), in.readUTF(), in.readUTF());
    }

    /**
     * The header a state of {@code descriptor} has in snapshots, with its key and namespace
     * serializers: the same for every backend, so canonical snapshots move between backends.
     */
    public static SectionHeader ofState(StateDescriptor<?, ?> descriptor, SerializerConfig config,
            TypeSerializer<?> keySerializer, TypeSerializer<?> namespaceSerializer) {
        return new SectionHeader(descriptor.getName(), descriptor.getType().name(),
                descriptor.getTtlConfig().isEnabled(), serializers(keySerializer, namespaceSerializer,
                        StoredValueFormat.of(descriptor, config).serializerClasses()),
                descriptor.getTypeInformation().toString());
    }

    static String serializers(Object keySerializer, Object namespaceSerializer, String valueSerializers) {
        return "key " + className(keySerializer) + ", namespace " + className(namespaceSerializer)
                + (valueSerializers == null ? "" : ", value " + valueSerializers);
    }

    private static String className(Object serializer) {
        return serializer == null ? "none" : serializer.getClass().getName();
    }
}
