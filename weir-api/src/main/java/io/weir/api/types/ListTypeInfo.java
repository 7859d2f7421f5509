package io.weir.api.types;

import io.weir.api.types.serializers.ListSerializer;
import java.util.List;
import java.util.Objects;

/**
 * The type of a {@link List} with elements of one type; elements may be null. Lists are read back
 * as {@link java.util.ArrayList}s. A list can be a key if its elements can.
 */
public final class ListTypeInfo<T> extends TypeInformation<List<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementType;

    public ListTypeInfo(TypeInformation<T> elementType) {
        this.elementType = Objects.requireNonNull(elementType, "element type");
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementType;
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
    public Class<List<T>> getTypeClass() {
        return (Class) List.class;
    }

    @Override
    public boolean isKeyType() {
        return elementType.isKeyType();
    }

    @Override
    public TypeSerializer<List<T>> createSerializer(SerializerConfig config) {
        return new ListSerializer<>(elementType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "List<" + elementType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListTypeInfo<?> other && other.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return 31 * "List".hashCode() + elementType.hashCode();
    }
}
