package io.weir.api.types;

import java.io.Serializable;

/**
 * Describes the type of the values in a stream or in state, and creates their serializer. Chosen
 * when the job graph is built (from the function signatures, or from {@code returns(...)}).
 */
public abstract class TypeInformation<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True for primitives, their boxes, String and the other JDK value types. */
    public abstract boolean isBasicType();

    /** True for {@code Tuple0..Tuple25}. */
    public abstract boolean isTupleType();

    /** Number of direct fields (1 for atomic types). */
    public abstract int getArity();

    /** Number of leaf fields, counted through nested composite types. */
    public abstract int getTotalFields();

    public abstract Class<T> getTypeClass();

    /** True if values of this type can be used as keys (stable hashCode and equals). */
    public abstract boolean isKeyType();

    public abstract TypeSerializer<T> createSerializer(SerializerConfig config);

    @Override
    public abstract String toString();

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    /** The type information for a class; for generic classes use {@link #of(TypeHint)}. */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return TypeExtractor.createTypeInfo(typeClass);
    }

    /** The type information for a generic type captured by a {@link TypeHint}. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }
}
