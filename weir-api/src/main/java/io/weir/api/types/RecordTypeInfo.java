package io.weir.api.types;

import io.weir.api.types.serializers.RecordSerializer;
import java.util.Arrays;

/**
 * The type of a Java record: its components in declaration order, each with its type. Records are
 * created through the canonical constructor and can be keys if all components can (their
 * {@code hashCode} is derived from the components).
 */
public final class RecordTypeInfo<T extends Record> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;

    private final String[] fieldNames;
    private final TypeInformation<?>[] types;

    /** {@code types} are the component types in declaration order. */
    public RecordTypeInfo(Class<T> recordClass, TypeInformation<?>... types) {
        super(recordClass);
        RecordComponents components = RecordComponents.of(recordClass);
        if (components.size() != types.length) {
            throw new IllegalArgumentException(recordClass.getName() + " has " + components.size()
                    + " components, but " + types.length + " types were given");
        }
        this.types = types.clone();
        this.fieldNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldNames[i] = components.name(i);
        }
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= types.length) {
            throw new InvalidFieldReferenceException("Position " + pos + " does not exist in " + this
                    + ". Available positions: 0 to " + (types.length - 1));
        }
        return (TypeInformation<X>) types[pos];
    }

    @Override
    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public boolean isKeyType() {
        return allFieldsAreKeys();
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new RecordSerializer<>(typeClass, fieldSerializers(config));
    }

    /** {@code Record<com.example.Point(x: Integer, y: Integer)>}. */
    @Override
    public String toString() {
        return "Record<" + typeClass.getName() + "(" + describeFields() + ")>";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecordTypeInfo<?> other && other.typeClass == typeClass
                && Arrays.equals(other.types, types);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.getName().hashCode() + Arrays.hashCode(types);
    }
}
