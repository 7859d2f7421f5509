package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.PojoField;
import io.weir.api.types.PojoTypeInfo;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The snapshot of a {@link PojoSerializer}: the POJO's class name and, per field in the order they
 * are written, its name and its serializer's snapshot.
 *
 * <p>Schema evolution: against the POJO class as it is now, a field added is compatible after
 * migration (restored values get the field's value after the no-arg constructor), a field removed
 * too (its stored values are read and dropped); a field whose type changed is as compatible as its
 * serializers are (int to long is incompatible, a nested POJO may evolve in turn). A different
 * class is incompatible.
 */
public final class PojoSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
    private static final int VERSION = 1;

    private Class<T> pojoClass;
    private String[] fieldNames;
    private TypeSerializerSnapshot<?>[] fieldSnapshots;

    /** For reading a snapshot. */
    public PojoSerializerSnapshot() {}

    PojoSerializerSnapshot(PojoSerializer<T> serializer) {
        this.pojoClass = serializer.pojoClass();
        PojoField[] fields = serializer.fields();
        TypeSerializer<?>[] serializers = serializer.fieldSerializers();
        fieldNames = new String[fields.length];
        fieldSnapshots = new TypeSerializerSnapshot<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            fieldNames[i] = fields[i] == null ? "" : fields[i].getName();
            fieldSnapshots[i] = serializers[i].snapshotConfiguration();
        }
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(pojoClass.getName());
        out.writeInt(fieldNames.length);
        for (int i = 0; i < fieldNames.length; i++) {
            out.writeUTF(fieldNames[i]);
            TypeSerializerSnapshot.writeVersionedSnapshot(out, fieldSnapshots[i]);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        pojoClass = (Class<T>) TypeSerializerSnapshot.loadClass(in.readUTF(), userCodeClassLoader);
        int count = in.readInt();
        fieldNames = new String[count];
        fieldSnapshots = new TypeSerializerSnapshot<?>[count];
        for (int i = 0; i < count; i++) {
            fieldNames[i] = in.readUTF();
            fieldSnapshots[i] = TypeSerializerSnapshot.readVersionedSnapshot(in, userCodeClassLoader);
        }
    }

    /**
     * A serializer that reads the stored fields into an instance of the class as it is now: fields it
     * no longer has are read and dropped, fields it gained keep their initial values.
     */
    @Override
    public TypeSerializer<T> restoreSerializer() {
        Map<String, PojoField> current = currentFields();
        PojoField[] fields = new PojoField[fieldNames.length];
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[fieldNames.length];
        for (int i = 0; i < fieldNames.length; i++) {
            fields[i] = current.get(fieldNames[i]);
            serializers[i] = fieldSnapshots[i].restoreSerializer();
        }
        return new PojoSerializer<>(pojoClass, fields, serializers, new SerializerConfig());
    }

    private Map<String, PojoField> currentFields() {
        TypeInformation<T> type = TypeExtractor.createTypeInfo(pojoClass);
        if (!(type instanceof PojoTypeInfo<T> pojo)) {
            throw new IllegalStateException("State of POJO type " + pojoClass.getName() + " was written with fields "
                    + Arrays.toString(fieldNames) + ", but the class is no longer a POJO (it is now " + type
                    + "): give it back a public no-arg constructor and public or getter/setter fields");
        }
        Map<String, PojoField> byName = new HashMap<>();
        for (int i = 0; i < pojo.getArity(); i++) {
            byName.put(pojo.getPojoFieldAt(i).getName(), pojo.getPojoFieldAt(i));
        }
        return byName;
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        if (!(oldSerializerSnapshot instanceof PojoSerializerSnapshot<T> old)
                || !old.pojoClass.getName().equals(pojoClass.getName())) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        boolean migrate = !Arrays.equals(old.fieldNames, fieldNames);
        for (int i = 0; i < fieldNames.length; i++) {
            int before = Arrays.asList(old.fieldNames).indexOf(fieldNames[i]);
            if (before < 0) {
                continue;
            }
            TypeSerializerSchemaCompatibility<?> field = TypeSerializerSnapshot.resolveCompatibility(fieldSnapshots[i],
                    old.fieldSnapshots[before]);
            if (field.isIncompatible()) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            migrate |= !field.isCompatibleAsIs();
        }
        return migrate ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.compatibleAsIs();
    }

    @Override
    public String toString() {
        StringBuilder fields = new StringBuilder(pojoClass.getName()).append('[');
        for (int i = 0; i < fieldNames.length; i++) {
            fields.append(i == 0 ? "" : ", ").append(fieldNames[i]).append(": ").append(fieldSnapshots[i]);
        }
        return fields.append(']').toString();
    }
}
