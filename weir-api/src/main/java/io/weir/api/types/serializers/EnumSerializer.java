package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/**
 * Serializes enum constants by their int ordinal. The constants are read once, when the serializer
 * is created; reordering the constants of an enum changes what stored ordinals mean.
 */
public final class EnumSerializer<T extends Enum<T>> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> enumClass;
    private final T[] constants;

    public EnumSerializer(Class<T> enumClass) {
        this.enumClass = enumClass;
        this.constants = enumClass.getEnumConstants();
        if (constants == null) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
    }

    /** The constants, indexed by ordinal. */
    public T[] getConstants() {
        return constants.clone();
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return constants.length == 0 ? null : constants[0];
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public int getLength() {
        return 4;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        target.writeInt(record.ordinal());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int ordinal = source.readInt();
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new IOException("Ordinal " + ordinal + " is out of range for " + enumClass.getName()
                    + ", which has " + constants.length + " constants");
        }
        return constants[ordinal];
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumSerializer<?> other && other.enumClass == enumClass
                && Arrays.equals(other.constants, constants);
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "EnumSerializer<" + enumClass.getName() + ">";
    }
}
