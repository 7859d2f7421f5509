package io.weir.runtime.state;

import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.StateDescriptor;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the object a heap state stores for one (key, namespace) is written into a snapshot and read
 * back, with the serializers of the state's descriptor: one value (value, reducing, aggregating
 * state), a list of elements (list state) or a map (map state). With TTL every value, element or
 * map value is stored as a {@link TtlValue} and written with its timestamp before it.
 */
abstract class StoredValueFormat {
    final boolean ttl;

    private StoredValueFormat(boolean ttl) {
        this.ttl = ttl;
    }

    /** The format of the state of {@code descriptor}, with serializers made under {@code config}. */
    static StoredValueFormat of(StateDescriptor<?, ?> descriptor, SerializerConfig config) {
        boolean ttl = descriptor.getTtlConfig().isEnabled();
        switch (descriptor.getType()) {
            case LIST:
                return new ListFormat(descriptor.getTypeInformation().createSerializer(config), ttl);
            case MAP:
                MapStateDescriptor<?, ?> map = (MapStateDescriptor<?, ?>) descriptor;
                return new MapFormat(map.getKeyTypeInformation().createSerializer(config),
                        map.getValueTypeInformation().createSerializer(config), ttl);
            default:
                return new SingleValueFormat(descriptor.getTypeInformation().createSerializer(config), ttl);
        }
    }

    /** The serializers of the stored value parts: the value; a list's element; a map's key and value. */
    abstract TypeSerializer<?>[] serializers();

    /** This format with other serializers of the same parts, for reading state written by earlier ones. */
    abstract StoredValueFormat withSerializers(TypeSerializer<?>[] serializers);

    abstract void write(Object stored, DataOutputView out) throws IOException;

    abstract Object read(DataInputView in) throws IOException;

    /** The serializer classes, as written in the snapshot and compared on restore. */
    abstract String serializerClasses();

    /**
     * A deep copy of a stored object (the values copied with their serializers, a list or map
     * rebuilt), which the task may change in place while a snapshot still reads the original.
     */
    abstract Object copy(Object stored);

    @SuppressWarnings({"unchecked", "rawtypes"})
    final Object copyValue(TypeSerializer serializer, Object value) {
        if (ttl) {
            TtlValue<?> timed = (TtlValue<?>) value;
            return new TtlValue<>(serializer.copy(timed.userValue()), timed.lastAccessTimestamp());
        }
        return serializer.copy(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    final void writeValue(TypeSerializer serializer, Object value, DataOutputView out) throws IOException {
        if (ttl) {
            TtlValue<?> timed = (TtlValue<?>) value;
            out.writeLong(timed.lastAccessTimestamp());
            serializer.serialize(timed.userValue(), out);
        } else {
            serializer.serialize(value, out);
        }
    }

    final Object readValue(TypeSerializer<?> serializer, DataInputView in) throws IOException {
        if (ttl) {
            long timestamp = in.readLong();
            return new TtlValue<>(serializer.deserialize(in), timestamp);
        }
        return serializer.deserialize(in);
    }

    private static final class SingleValueFormat extends StoredValueFormat {
        private final TypeSerializer<?> serializer;

        SingleValueFormat(TypeSerializer<?> serializer, boolean ttl) {
            super(ttl);
            this.serializer = serializer;
        }

        @Override
        void write(Object stored, DataOutputView out) throws IOException {
            writeValue(serializer, stored, out);
        }

        @Override
        Object read(DataInputView in) throws IOException {
            return readValue(serializer, in);
        }

        @Override
        Object copy(Object stored) {
            return copyValue(serializer, stored);
        }

        @Override
        TypeSerializer<?>[] serializers() {
            return new TypeSerializer<?>[] {serializer};
        }

        @Override
        StoredValueFormat withSerializers(TypeSerializer<?>[] serializers) {
            return new SingleValueFormat(serializers[0], ttl);
        }

        @Override
        String serializerClasses() {
            return serializer.getClass().getName();
        }
    }

    private static final class ListFormat extends StoredValueFormat {
        private final TypeSerializer<?> elementSerializer;

        ListFormat(TypeSerializer<?> elementSerializer, boolean ttl) {
            super(ttl);
            this.elementSerializer = elementSerializer;
        }

        @Override
        void write(Object stored, DataOutputView out) throws IOException {
            List<?> list = (List<?>) stored;
            out.writeInt(list.size());
            for (Object element : list) {
                writeValue(elementSerializer, element, out);
            }
        }

        @Override
        Object read(DataInputView in) throws IOException {
            int size = in.readInt();
            ArrayList<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(readValue(elementSerializer, in));
            }
            return list;
        }

        @Override
        Object copy(Object stored) {
            List<?> list = (List<?>) stored;
            ArrayList<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copyValue(elementSerializer, element));
            }
            return copy;
        }

        @Override
        TypeSerializer<?>[] serializers() {
            return new TypeSerializer<?>[] {elementSerializer};
        }

        @Override
        StoredValueFormat withSerializers(TypeSerializer<?>[] serializers) {
            return new ListFormat(serializers[0], ttl);
        }

        @Override
        String serializerClasses() {
            return "list of " + elementSerializer.getClass().getName();
        }
    }

    private static final class MapFormat extends StoredValueFormat {
        private final TypeSerializer<?> keySerializer;
        private final TypeSerializer<?> valueSerializer;

        MapFormat(TypeSerializer<?> keySerializer, TypeSerializer<?> valueSerializer, boolean ttl) {
            super(ttl);
            this.keySerializer = keySerializer;
            this.valueSerializer = valueSerializer;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        void write(Object stored, DataOutputView out) throws IOException {
            Map<?, ?> map = (Map<?, ?>) stored;
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                ((TypeSerializer) keySerializer).serialize(entry.getKey(), out);
                writeValue(valueSerializer, entry.getValue(), out);
            }
        }

        @Override
        Object read(DataInputView in) throws IOException {
            int size = in.readInt();
            HashMap<Object, Object> map = new HashMap<>(Math.max(4, size * 4 / 3 + 1));
            for (int i = 0; i < size; i++) {
                Object key = keySerializer.deserialize(in);
                map.put(key, readValue(valueSerializer, in));
            }
            return map;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object copy(Object stored) {
            Map<?, ?> map = (Map<?, ?>) stored;
            HashMap<Object, Object> copy = new HashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(((TypeSerializer) keySerializer).copy(entry.getKey()), copyValue(valueSerializer, entry.getValue()));
            }
            return copy;
        }

        @Override
        TypeSerializer<?>[] serializers() {
            return new TypeSerializer<?>[] {keySerializer, valueSerializer};
        }

        @Override
        StoredValueFormat withSerializers(TypeSerializer<?>[] serializers) {
            return new MapFormat(serializers[0], serializers[1], ttl);
        }

        @Override
        String serializerClasses() {
            return "map of " + keySerializer.getClass().getName() + " to " + valueSerializer.getClass().getName();
        }
    }
}
