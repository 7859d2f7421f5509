package io.weir.api.types.serializers;

/**
 * Reads and writes the fields of one POJO class by their index in the {@link PojoSerializer}. Weir
 * generates the implementation (see {@code FieldAccessClassWriter}): a class in the POJO's nest whose
 * methods are a {@code switch} over plain {@code getfield} / {@code putfield} instructions (final
 * and inherited fields: calls through constant method handles), which the JIT inlines into the
 * serializer. Where no class can be generated, fields go through reflection
 * ({@code ReflectiveFieldAccess}).
 *
 * <p>Not for users: it is public only because the generated class, which lives in the POJO's
 * package, implements it. A method is only called with an index whose field has its type
 * (references through {@link #get} and {@link #set}); the other methods throw.
 */
public interface PojoFieldAccess {
    /** A new instance of the POJO by its no-arg constructor (a generated class only). */
    default Object newInstance() {
        throw new UnsupportedOperationException("Only a generated field access creates instances");
    }

    default Object get(Object pojo, int field) {
        throw noField(field, "Object");
    }

    default void set(Object pojo, int field, Object value) {
        throw noField(field, "Object");
    }

    default int getInt(Object pojo, int field) {
        throw noField(field, "int");
    }

    default void setInt(Object pojo, int field, int value) {
        throw noField(field, "int");
    }

    default long getLong(Object pojo, int field) {
        throw noField(field, "long");
    }

    default void setLong(Object pojo, int field, long value) {
        throw noField(field, "long");
    }

    default double getDouble(Object pojo, int field) {
        throw noField(field, "double");
    }

    default void setDouble(Object pojo, int field, double value) {
        throw noField(field, "double");
    }

    default float getFloat(Object pojo, int field) {
        throw noField(field, "float");
    }

    default void setFloat(Object pojo, int field, float value) {
        throw noField(field, "float");
    }

    default boolean getBoolean(Object pojo, int field) {
        throw noField(field, "boolean");
    }

    default void setBoolean(Object pojo, int field, boolean value) {
        throw noField(field, "boolean");
    }

    default short getShort(Object pojo, int field) {
        throw noField(field, "short");
    }

    default void setShort(Object pojo, int field, short value) {
        throw noField(field, "short");
    }

    default byte getByte(Object pojo, int field) {
        throw noField(field, "byte");
    }

    default void setByte(Object pojo, int field, byte value) {
        throw noField(field, "byte");
    }

    default char getChar(Object pojo, int field) {
        throw noField(field, "char");
    }

    default void setChar(Object pojo, int field, char value) {
        throw noField(field, "char");
    }

    private static IllegalArgumentException noField(int field, String type) {
        return new IllegalArgumentException("Field " + field + " is not a field of type " + type + " here");
    }
}
