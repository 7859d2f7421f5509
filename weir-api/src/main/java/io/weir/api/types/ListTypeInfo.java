package io.weir.api.types;

import io.weir.api.types.serializers.ListSerializer;
import java.util.List;

/**
 * The type of a {@link List} with elements of one type; elements may be null. Lists are read back
 * as {@link java.util.ArrayList}s. A list can be a key if its elements can.
 */
public final class ListTypeInfo<T> extends SingleTypeArgumentTypeInfo<List<T>, T> {
    private static final long serialVersionUID = 1L;

    public ListTypeInfo(TypeInformation<T> elementType) {
        super(List.class, elementType, "element type");
    }

    public TypeInformation<T> getElementTypeInfo() {
        return argument();
    }

    @Override
    public TypeSerializer<List<T>> createSerializer(SerializerConfig config) {
        return new ListSerializer<>(argument().createSerializer(config));
    }
}
