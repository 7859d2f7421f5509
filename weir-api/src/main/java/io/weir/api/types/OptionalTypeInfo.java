package io.weir.api.types;

import io.weir.api.types.serializers.OptionalSerializer;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of an {@link Optional} of one type; the explicit way to have a field that may be empty
 * where nulls are not allowed, such as in tuples. Can be a key if its value type can.
 */
public final class OptionalTypeInfo<T> extends TypeInformation<Optional<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> valueType;

    public OptionalTypeInfo(TypeInformation<T> valueType) {
        this.valueType = Objects.requireNonNull(valueType, "value type");
    }

    public TypeInformation<T> getValueTypeInfo() {
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
    public Class<Optional<T>> getTypeClass() {
        return (Class) Optional.class;
    }

    @Override
    public boolean isKeyType() {
        return valueType.isKeyType();
    }

    @Override
    public TypeSerializer<Optional<T>> createSerializer(SerializerConfig config) {
        return new OptionalSerializer<>(valueType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Optional<" + valueType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof OptionalTypeInfo<?> other && other.valueType.equals(valueType);
    }

    @Override
    public int hashCode() {
        return 31 * "Optional".hashCode() + valueType.hashCode();
    }
}
