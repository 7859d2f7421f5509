package io.weir.api.types;

import io.weir.api.types.serializers.MapSerializer;
import java.util.Map;
import java.util.Objects;

/**
 * The type of a {@link Map} with keys of one type and values of another; values may be null, keys
 * may not. Maps are read back as {@link java.util.HashMap}s. Maps are not key types.
 */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyType;
    private final TypeInformation<V> valueType;

    public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        this.keyType = Objects.requireNonNull(keyType, "key type");
        this.valueType = Objects.requireNonNull(valueType, "value type");
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyType;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueType;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Map<K, V>> getTypeClass() {
        return (Class) Map.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<K, V>> createSerializer(SerializerConfig config) {
        return new MapSerializer<>(keyType.createSerializer(config), valueType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Map<" + keyType + ", " + valueType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MapTypeInfo<?, ?> other && other.keyType.equals(keyType)
                && other.valueType.equals(valueType);
    }

    @Override
    public int hashCode() {
        return 31 * keyType.hashCode() + valueType.hashCode();
    }
}
