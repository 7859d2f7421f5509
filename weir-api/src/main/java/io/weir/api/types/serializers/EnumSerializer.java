package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Serializes enum constants by their int ordinal. The constants are read once, when the serializer
 * is created. Its snapshot keeps the constants' names, so state written before constants were
 * reordered or added is read back by name (see {@link Snapshot}).
 */
public final class EnumSerializer<T extends Enum<T>> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> enumClass;
    /** The constant each written number stands for; a {@code null} entry for a constant that no longer exists. */
    private final T[] constants;
    /** The number each constant is written as, by ordinal; {@code null} when it is the ordinal itself. */
    private final int[] numberByOrdinal;

    public EnumSerializer(Class<T> enumClass) {
        this.enumClass = enumClass;
        this.constants = enumClass.getEnumConstants();
        if (constants == null) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
        this.numberByOrdinal = null;
    }

    /** A serializer that writes each constant as its position in {@code constants} (a restored order). */
    private EnumSerializer(Class<T> enumClass, T[] constants) {
        this.enumClass = enumClass;
        this.constants = constants;
        this.numberByOrdinal = new int[enumClass.getEnumConstants().length];
        Arrays.fill(numberByOrdinal, -1);
        for (int i = 0; i < constants.length; i++) {
            if (constants[i] != null) {
                numberByOrdinal[constants[i].ordinal()] = i;
            }
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
        if (numberByOrdinal == null) {
            target.writeInt(record.ordinal());
            return;
        }
        int number = numberByOrdinal[record.ordinal()];
        if (number < 0) {
            throw new IOException("Constant " + record + " of " + enumClass.getName()
                    + " did not exist when this serializer's data was written");
        }
        target.writeInt(number);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int ordinal = source.readInt();
        if (ordinal < 0 || ordinal >= constants.length || constants[ordinal] == null) {
            throw new IOException("Ordinal " + ordinal + " is out of range for " + enumClass.getName()
                    + ", which has " + constants.length + " constants" + (numberByOrdinal == null ? ""
                            : " (or names a constant the enum no longer has)"));
        }
        return constants[ordinal];
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /**
     * The enum class and its constants' names in ordinal order. Constants added at the end are
     * compatible as is; constants reordered, or added in between, need a migration (the stored
     * numbers are read by name); a constant removed is incompatible.
     */
    public static final class Snapshot<T extends Enum<T>> implements TypeSerializerSnapshot<T> {
        private Class<T> enumClass;
        private List<String> names;

        public Snapshot() {}

        Snapshot(EnumSerializer<T> serializer) {
            this.enumClass = serializer.enumClass;
            this.names = Arrays.stream(serializer.constants).map(c -> c == null ? "" : c.name()).toList();
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(enumClass.getName());
            out.writeInt(names.size());
            for (String name : names) {
                out.writeUTF(name);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
            enumClass = (Class<T>) TypeSerializerSnapshot.loadClass(in.readUTF(), userCodeClassLoader);
            String[] read = new String[in.readInt()];
            for (int i = 0; i < read.length; i++) {
                read[i] = in.readUTF();
            }
            names = List.of(read);
        }

        @Override
        @SuppressWarnings("unchecked")
        public TypeSerializer<T> restoreSerializer() {
            if (Arrays.stream(enumClass.getEnumConstants()).map(Enum::name).toList().equals(names)) {
                return new EnumSerializer<>(enumClass);
            }
            T[] byNumber = (T[]) java.lang.reflect.Array.newInstance(enumClass, names.size());
            for (T constant : enumClass.getEnumConstants()) {
                int number = names.indexOf(constant.name());
                if (number >= 0) {
                    byNumber[number] = constant;
                }
            }
            return new EnumSerializer<>(enumClass, byNumber);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
            if (!(oldSerializerSnapshot instanceof Snapshot<T> old) || !old.enumClass.getName().equals(enumClass.getName())
                    || !names.containsAll(old.names)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return names.subList(0, Math.min(names.size(), old.names.size())).equals(old.names)
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
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
