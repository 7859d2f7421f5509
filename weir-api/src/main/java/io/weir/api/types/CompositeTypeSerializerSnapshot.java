package io.weir.api.types;

import java.io.IOException;

/**
 * The snapshot of a serializer built from nested serializers (the element serializer of a list, the
 * field serializers of a tuple): the outer serializer's own configuration, if any, and a snapshot
 * of each nested serializer. Compatibility is the weakest of the outer one and the nested ones: all
 * as is gives as is; any incompatible gives incompatible; otherwise a migration, or, when nested
 * serializers were only reconfigured, an outer serializer rebuilt around them.
 *
 * <p>Subclasses have a public no-arg constructor (for reading) and one taking the serializer (for
 * writing).
 *
 * @param <S> the outer serializer's class
 */
public abstract class CompositeTypeSerializerSnapshot<T, S extends TypeSerializer<T>> implements TypeSerializerSnapshot<T> {
    private static final int VERSION = 1;

    private TypeSerializerSnapshot<?>[] nestedSnapshots;

    /** For reading a snapshot. */
    protected CompositeTypeSerializerSnapshot() {}

    /** For writing the snapshot of {@code serializer}. */
    protected CompositeTypeSerializerSnapshot(S serializer) {
        TypeSerializer<?>[] nested = getNestedSerializers(serializer);
        nestedSnapshots = new TypeSerializerSnapshot<?>[nested.length];
        for (int i = 0; i < nested.length; i++) {
            nestedSnapshots[i] = nested[i].snapshotConfiguration();
        }
    }

    /** The version of what {@link #writeOuterSnapshot} writes. */
    protected abstract int getCurrentOuterSnapshotVersion();

    protected abstract TypeSerializer<?>[] getNestedSerializers(S outerSerializer);

    protected abstract S createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers);

    /** Writes the outer serializer's own configuration (a class name, field names); nothing by default. */
    protected void writeOuterSnapshot(DataOutputView out) throws IOException {}

    protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader userCodeClassLoader)
            throws IOException {}

    public final TypeSerializerSnapshot<?>[] getNestedSerializerSnapshots() {
        return nestedSnapshots.clone();
    }

    @Override
    public final int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public final void writeSnapshot(DataOutputView out) throws IOException {
        out.writeInt(getCurrentOuterSnapshotVersion());
        writeOuterSnapshot(out);
        out.writeInt(nestedSnapshots.length);
        for (TypeSerializerSnapshot<?> nested : nestedSnapshots) {
            TypeSerializerSnapshot.writeVersionedSnapshot(out, nested);
        }
    }

    @Override
    public final void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
            throws IOException {
        readOuterSnapshot(in.readInt(), in, userCodeClassLoader);
        nestedSnapshots = new TypeSerializerSnapshot<?>[in.readInt()];
        for (int i = 0; i < nestedSnapshots.length; i++) {
            nestedSnapshots[i] = TypeSerializerSnapshot.readVersionedSnapshot(in, userCodeClassLoader);
        }
    }

    @Override
    public final TypeSerializer<T> restoreSerializer() {
        TypeSerializer<?>[] nested = new TypeSerializer<?>[nestedSnapshots.length];
        for (int i = 0; i < nested.length; i++) {
            nested[i] = nestedSnapshots[i].restoreSerializer();
        }
        return createOuterSerializerWithNestedSerializers(nested);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        if (!oldSerializerSnapshot.getClass().getName().equals(getClass().getName())) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        CompositeTypeSerializerSnapshot<T, S> old = (CompositeTypeSerializerSnapshot<T, S>) oldSerializerSnapshot;
        TypeSerializerSchemaCompatibility<T> outer = resolveOuterSchemaCompatibility(old);
        if (outer.isIncompatible() || old.nestedSnapshots.length != nestedSnapshots.length) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        TypeSerializerSchemaCompatibility<?>[] nested = new TypeSerializerSchemaCompatibility<?>[nestedSnapshots.length];
        for (int i = 0; i < nested.length; i++) {
            nested[i] = TypeSerializerSnapshot.resolveCompatibility(nestedSnapshots[i], old.nestedSnapshots[i]);
        }
        return combine(outer, nested);
    }

    /**
     * Whether the outer configuration of {@code oldSnapshot} (a snapshot of the same class) matches
     * this one: {@code compatibleAsIs} (the default), {@code compatibleAfterMigration} or
     * {@code incompatible}.
     */
    protected TypeSerializerSchemaCompatibility<T> resolveOuterSchemaCompatibility(
            CompositeTypeSerializerSnapshot<T, S> oldSnapshot) {
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }

    private TypeSerializerSchemaCompatibility<T> combine(TypeSerializerSchemaCompatibility<T> outer,
            TypeSerializerSchemaCompatibility<?>[] nested) {
        boolean migrate = outer.isCompatibleAfterMigration();
        boolean reconfigured = false;
        for (TypeSerializerSchemaCompatibility<?> one : nested) {
            if (one.isIncompatible()) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            migrate |= one.isCompatibleAfterMigration();
            reconfigured |= one.isCompatibleWithReconfiguredSerializer();
        }
        if (migrate) {
            return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
        if (!reconfigured) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[nested.length];
        for (int i = 0; i < nested.length; i++) {
            serializers[i] = nested[i].isCompatibleWithReconfiguredSerializer()
                    ? nested[i].getReconfiguredSerializer() : nestedSnapshots[i].restoreSerializer();
        }
        return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(
                createOuterSerializerWithNestedSerializers(serializers));
    }
}
