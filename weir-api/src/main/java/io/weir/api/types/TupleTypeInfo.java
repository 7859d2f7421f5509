package io.weir.api.types;

import io.weir.api.tuple.Tuple;
import io.weir.api.types.serializers.TupleSerializer;
import java.util.Arrays;

/**
 * The type of a {@link Tuple}: the tuple class and the type of each field {@code f0..fN}. Tuple
 * fields cannot be null when serialized.
 */
public final class TupleTypeInfo<T extends Tuple> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<?>[] types;
    private final String[] fieldNames;

    /** The type of the plain tuple class {@code Tuple<N>} with the given field types. */
    @SuppressWarnings("unchecked")
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    /** The type of {@code tupleClass}, which may be a subclass of a tuple class, with the given field types. */
    public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... types) {
        super(tupleClass);
        if (!Tuple.getTupleClass(types.length).isAssignableFrom(tupleClass)) {
            throw new IllegalArgumentException(tupleClass.getName() + " does not have " + types.length + " fields");
        }
        this.types = types.clone();
        this.fieldNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new IllegalArgumentException("The type of field f" + i + " is null");
            }
            fieldNames[i] = "f" + i;
        }
    }

    /** The tuple type whose fields have the given basic classes, e.g. {@code (String.class, Integer.class)}. */
    public static <T extends Tuple> TupleTypeInfo<T> getBasicTupleTypeInfo(Class<?>... basicTypes) {
        TypeInformation<?>[] infos = new TypeInformation<?>[basicTypes.length];
        for (int i = 0; i < basicTypes.length; i++) {
            infos[i] = BasicTypeInfo.getInfoFor(basicTypes[i]);
            if (infos[i] == null) {
                throw new IllegalArgumentException(basicTypes[i].getName() + " is not a basic type");
            }
        }
        return new TupleTypeInfo<>(infos);
    }

    @Override
    public boolean isTupleType() {
        return true;
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

    /** The position of {@code f<N>}, or -1. */
    @Override
    public int getFieldIndex(String fieldName) {
        if (fieldName.length() > 1 && fieldName.charAt(0) == 'f') {
            try {
                int pos = Integer.parseInt(fieldName.substring(1));
                return pos >= 0 && pos < types.length && fieldName.equals("f" + pos) ? pos : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    @Override
    public boolean isKeyType() {
        return allFieldsAreKeys();
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new TupleSerializer<>(typeClass, fieldSerializers(config));
    }

    /** {@code Tuple2<String, Integer>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(typeClass.getSimpleName()).append('<');
        for (int i = 0; i < types.length; i++) {
            sb.append(i > 0 ? ", " : "").append(types[i]);
        }
        return sb.append('>').toString();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TupleTypeInfo<?> other && other.typeClass == typeClass
                && Arrays.equals(other.types, types);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.getName().hashCode() + Arrays.hashCode(types);
    }
}
