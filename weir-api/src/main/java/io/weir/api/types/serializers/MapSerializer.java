package io.weir.api.types.serializers;

import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes maps as the int size followed by the entries: the key (never null), a boolean that is
 * true if the value is null, and the value unless null. Reads into {@link HashMap}s.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;

    public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "key serializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "value serializer");
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    public TypeSerializer<V> getValueSerializer() {
        return valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<K, V>> duplicate() {
        TypeSerializer<K> keys = keySerializer.duplicate();
        TypeSerializer<V> values = valueSerializer.duplicate();
        return keys == keySerializer && values == valueSerializer ? this : new MapSerializer<>(keys, values);
    }

    @Override
    public Map<K, V> createInstance() {
        return new HashMap<>();
    }

    @Override
    public Map<K, V> copy(Map<K, V> from) {
        if (from == null) {
            return null;
        }
        Map<K, V> copy = new HashMap<>(capacityFor(from.size()));
        for (Map.Entry<K, V> entry : from.entrySet()) {
            V value = entry.getValue();
            copy.put(keySerializer.copy(entry.getKey()), value == null ? null : valueSerializer.copy(value));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
        target.writeInt(record.size());
        for (Map.Entry<K, V> entry : record.entrySet()) {
            K key = entry.getKey();
            if (key == null) {
                throw new NullPointerException("Map keys cannot be null when serialized");
            }
            keySerializer.serialize(key, target);
            V value = entry.getValue();
            target.writeBoolean(value == null);
            if (value != null) {
                valueSerializer.serialize(value, target);
            }
        }
    }

    @Override
    public Map<K, V> deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        Map<K, V> map = new HashMap<>(capacityFor(Math.min(size, 1 << 16)));
        for (int i = 0; i < size; i++) {
            K key = keySerializer.deserialize(source);
            map.put(key, source.readBoolean() ? null : valueSerializer.deserialize(source));
        }
        return map;
    }

    private static int capacityFor(int size) {
        return (int) (size / 0.75f) + 1;
    }

    @Override
    public TypeSerializerSnapshot<Map<K, V>> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** The key and value serializers' snapshots. */
    public static final class Snapshot<K, V> extends CompositeTypeSerializerSnapshot<Map<K, V>, MapSerializer<K, V>> {
        public Snapshot() {}

        Snapshot(MapSerializer<K, V> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(MapSerializer<K, V> outerSerializer) {
            return new TypeSerializer<?>[] {outerSerializer.keySerializer, outerSerializer.valueSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected MapSerializer<K, V> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
            return new MapSerializer<>((TypeSerializer<K>) nestedSerializers[0], (TypeSerializer<V>) nestedSerializers[1]);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MapSerializer<?, ?> other && other.keySerializer.equals(keySerializer)
                && other.valueSerializer.equals(valueSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "MapSerializer<" + keySerializer + ", " + valueSerializer + ">";
    }
}
