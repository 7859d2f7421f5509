package io.weir.api.types;

import io.weir.api.types.serializers.OptionalSerializer;
import java.util.Optional;

/**
 * The type of an {@link Optional} of one type; the explicit way to have a field that may be empty
 * where nulls are not allowed, such as in tuples. Can be a key if its value type can.
 */
public final class OptionalTypeInfo<T> extends SingleTypeArgumentTypeInfo<Optional<T>, T> {
    private static final long serialVersionUID = 1L;

    public OptionalTypeInfo(TypeInformation<T> valueType) {
        super(Optional.class, valueType, "value type");
    }

    public TypeInformation<T> getValueTypeInfo() {
        return argument();
    }

    @Override
    public TypeSerializer<Optional<T>> createSerializer(SerializerConfig config) {
        return new OptionalSerializer<>(argument().createSerializer(config));
    }
}
