package io.weir.api.types;

import io.weir.api.types.serializers.EnumSerializer;
import java.util.Objects;

/**
 * The type of an enum, serialized by ordinal. Enums can be keys: Weir hashes them by name (see
 * {@link KeyHashes}), because their own {@code hashCode()} differs between processes.
 */
public final class EnumTypeInfo<T extends Enum<T>> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> enumClass;

    public EnumTypeInfo(Class<T> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "enum class");
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
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
    public Class<T> getTypeClass() {
        return enumClass;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new EnumSerializer<>(enumClass);
    }

    @Override
    public String toString() {
        return "Enum<" + enumClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumTypeInfo<?> other && other.enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }
}
