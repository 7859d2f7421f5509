package io.weir.api.types;

import io.weir.api.types.serializers.RowSerializer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The type of a {@link Row}: the type and name of each field. Unnamed fields are called
 * {@code f0, f1, ...}. Rows carry a null mask, so every field may be null.
 */
public final class RowTypeInfo extends CompositeType<Row> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<?>[] types;
    private final String[] fieldNames;

    public RowTypeInfo(TypeInformation<?>... types) {
        this(types, defaultNames(types.length));
    }

    public RowTypeInfo(TypeInformation<?>[] types, String[] fieldNames) {
        super(Row.class);
        if (types.length != fieldNames.length) {
            throw new IllegalArgumentException(fieldNames.length + " field names for " + types.length + " field types");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new IllegalArgumentException("The type of row field " + i + " is null");
            }
            if (fieldNames[i] == null || fieldNames[i].isEmpty() || !seen.add(fieldNames[i])) {
                throw new IllegalArgumentException("Row field names must be unique and not empty: "
                        + Arrays.toString(fieldNames));
            }
        }
        this.types = types.clone();
        this.fieldNames = fieldNames.clone();
    }

    private static String[] defaultNames(int arity) {
        String[] names = new String[arity];
        for (int i = 0; i < arity; i++) {
            names[i] = "f" + i;
        }
        return names;
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

    /** The field types, in position order. */
    public TypeInformation<?>[] getFieldTypes() {
        return types.clone();
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
    public TypeSerializer<Row> createSerializer(SerializerConfig config) {
        return new RowSerializer(fieldNames, fieldSerializers(config));
    }

    /** {@code Row(name: String, count: Integer)}. */
    @Override
    public String toString() {
        return "Row(" + describeFields() + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RowTypeInfo other && Arrays.equals(other.types, types)
                && Arrays.equals(other.fieldNames, fieldNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(types) + Arrays.hashCode(fieldNames);
    }
}
