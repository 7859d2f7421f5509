package io.weir.api.types;

import io.weir.api.types.serializers.PojoSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The type of a POJO: a public class with a public no-arg constructor whose fields are public or
 * have a getter and a setter. Fields are ordered by name. A POJO can be a key only if it overrides
 * {@code hashCode()} (the default hashes by identity, which differs between processes) and all its
 * fields can be keys.
 */
public final class PojoTypeInfo<T> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;

    private final PojoField[] fields;

    public PojoTypeInfo(Class<T> typeClass, List<PojoField> fields) {
        super(typeClass);
        List<PojoField> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparing(PojoField::getName));
        this.fields = sorted.toArray(new PojoField[0]);
    }

    @Override
    public int getArity() {
        return fields.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        return (TypeInformation<X>) getPojoFieldAt(pos).getTypeInformation();
    }

    /** The field at {@code pos}, in name order. */
    public PojoField getPojoFieldAt(int pos) {
        if (pos < 0 || pos >= fields.length) {
            throw new InvalidFieldReferenceException("Position " + pos + " does not exist in " + this
                    + ". Available positions: 0 to " + (fields.length - 1));
        }
        return fields[pos];
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getName();
        }
        return names;
    }

    @Override
    public boolean isKeyType() {
        return TypeExtractor.overridesHashCode(typeClass) && allFieldsAreKeys();
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new PojoSerializer<>(typeClass, fields, fieldSerializers(config), config);
    }

    /** {@code PojoType<com.example.Person, fields = [age: Integer, name: String]>}. */
    @Override
    public String toString() {
        return "PojoType<" + typeClass.getName() + ", fields = [" + describeFields() + "]>";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PojoTypeInfo<?> other && other.typeClass == typeClass
                && Arrays.equals(other.fields, fields);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.getName().hashCode() + Arrays.hashCode(fields);
    }
}
