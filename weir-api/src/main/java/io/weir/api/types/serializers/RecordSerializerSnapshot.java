package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.RecordComponents;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The snapshot of a {@link RecordSerializer}: the record's class name and, per component in
 * declaration order, its name and its serializer's snapshot.
 *
 * <p>Schema evolution, against the record class as it is now: components added, removed or
 * reordered are compatible after migration (an added component starts as null, zero or false); a
 * component whose type changed is as compatible as its serializers are; another class is
 * incompatible.
 */
public final class RecordSerializerSnapshot<T extends Record> implements TypeSerializerSnapshot<T> {
    private static final int VERSION = 1;

    private Class<T> recordClass;
    private String[] componentNames;
    private TypeSerializerSnapshot<?>[] componentSnapshots;

    /** For reading a snapshot. */
    public RecordSerializerSnapshot() {}

    RecordSerializerSnapshot(RecordSerializer<T> serializer) {
        recordClass = serializer.recordClass();
        TypeSerializer<?>[] serializers = serializer.fieldSerializers();
        RecordComponents components = serializer.components();
        componentNames = new String[serializers.length];
        componentSnapshots = new TypeSerializerSnapshot<?>[serializers.length];
        for (int i = 0; i < serializers.length; i++) {
            componentNames[i] = components.name(i);
            componentSnapshots[i] = serializers[i].snapshotConfiguration();
        }
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(recordClass.getName());
        out.writeInt(componentNames.length);
        for (int i = 0; i < componentNames.length; i++) {
            out.writeUTF(componentNames[i]);
            TypeSerializerSnapshot.writeVersionedSnapshot(out, componentSnapshots[i]);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        recordClass = (Class<T>) TypeSerializerSnapshot.loadClass(in.readUTF(), userCodeClassLoader);
        int count = in.readInt();
        componentNames = new String[count];
        componentSnapshots = new TypeSerializerSnapshot<?>[count];
        for (int i = 0; i < count; i++) {
            componentNames[i] = in.readUTF();
            componentSnapshots[i] = TypeSerializerSnapshot.readVersionedSnapshot(in, userCodeClassLoader);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        if (!recordClass.isRecord()) {
            throw new IllegalStateException("State of record type " + recordClass.getName() + " was written with "
                    + "components " + Arrays.toString(componentNames) + ", but the class is no longer a record");
        }
        RecordComponents now = RecordComponents.of(recordClass);
        List<String> currentNames = new java.util.ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            currentNames.add(now.name(i));
        }
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[componentNames.length];
        int[] componentOfField = new int[componentNames.length];
        for (int i = 0; i < componentNames.length; i++) {
            serializers[i] = componentSnapshots[i].restoreSerializer();
            componentOfField[i] = currentNames.indexOf(componentNames[i]);
        }
        return currentNames.equals(Arrays.asList(componentNames)) ? new RecordSerializer<>(recordClass, serializers)
                : new RecordSerializer<>(recordClass, serializers, componentOfField);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        if (!(oldSerializerSnapshot instanceof RecordSerializerSnapshot<T> old)
                || !old.recordClass.getName().equals(recordClass.getName())) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        boolean migrate = !Arrays.equals(old.componentNames, componentNames);
        List<String> oldNames = Arrays.asList(old.componentNames);
        for (int i = 0; i < componentNames.length; i++) {
            int before = oldNames.indexOf(componentNames[i]);
            if (before < 0) {
                continue;
            }
            TypeSerializerSchemaCompatibility<?> component = TypeSerializerSnapshot.resolveCompatibility(
                    componentSnapshots[i], old.componentSnapshots[before]);
            if (component.isIncompatible()) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            migrate |= !component.isCompatibleAsIs();
        }
        return migrate ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.compatibleAsIs();
    }

    @Override
    public String toString() {
        StringBuilder fields = new StringBuilder(recordClass.getName()).append('[');
        for (int i = 0; i < componentNames.length; i++) {
            fields.append(i == 0 ? "" : ", ").append(componentNames[i]).append(": ").append(componentSnapshots[i]);
        }
        return fields.append(']').toString();
    }
}
