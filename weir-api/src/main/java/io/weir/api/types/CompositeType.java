package io.weir.api.types;

import java.util.Arrays;
import java.util.Objects;

/**
 * The type of a value made of named, typed fields: tuples, POJOs, records and rows. Fields are
 * addressed by position ({@code 0..getArity()-1}) or by name.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    protected final Class<T> typeClass;

    protected CompositeType(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "type class");
    }

    /** The type of the field at {@code pos}. */
    public abstract <X> TypeInformation<X> getTypeAt(int pos);

    /** The field names, in position order. */
    public abstract String[] getFieldNames();

    /** The position of the field called {@code fieldName}, or -1 if there is none. */
    public int getFieldIndex(String fieldName) {
        String[] names = getFieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /** The type of the field called {@code fieldName}; fails with the list of fields if there is none. */
    public <X> TypeInformation<X> getTypeAt(String fieldName) {
        int pos = getFieldIndex(fieldName);
        if (pos < 0) {
            throw new InvalidFieldReferenceException("Field '" + fieldName + "' does not exist in " + this
                    + ". Available fields: " + Arrays.toString(getFieldNames()));
        }
        return getTypeAt(pos);
    }

    public boolean hasField(String fieldName) {
        return getFieldIndex(fieldName) >= 0;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
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
    public int getTotalFields() {
        int total = 0;
        for (int i = 0; i < getArity(); i++) {
            total += getTypeAt(i).getTotalFields();
        }
        return total;
    }

    /** True if every field's type is a key type. */
    protected boolean allFieldsAreKeys() {
        for (int i = 0; i < getArity(); i++) {
            if (!getTypeAt(i).isKeyType()) {
                return false;
            }
        }
        return true;
    }

    /** The serializers of all fields, in position order. */
    protected TypeSerializer<?>[] fieldSerializers(SerializerConfig config) {
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[getArity()];
        for (int i = 0; i < serializers.length; i++) {
            serializers[i] = getTypeAt(i).createSerializer(config);
        }
        return serializers;
    }

    /** {@code name: Type, name: Type}, for toString and error messages. */
    protected String describeFields() {
        StringBuilder sb = new StringBuilder();
        String[] names = getFieldNames();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append(": ").append(getTypeAt(i));
        }
        return sb.toString();
    }
}
