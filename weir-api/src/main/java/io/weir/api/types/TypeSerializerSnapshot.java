package io.weir.api.types;

import java.io.IOException;
import java.lang.reflect.Constructor;

/**
 * What a serializer writes about itself next to the data it wrote (in checkpoints and savepoints),
 * so that a later run can tell whether its serializer still reads that data, and can rebuild the
 * old serializer when it does not.
 *
 * <p>Contract:
 * <ul>
 *   <li>A snapshot class has a public no-arg constructor: a restore creates it from its class name
 *       ({@link #readVersionedSnapshot}) and then calls {@link #readSnapshot}.
 *   <li>{@link #writeSnapshot} writes everything {@link #restoreSerializer()} needs to rebuild a
 *       serializer that reads the data written with the serializer snapshotted, even when the user's
 *       classes have changed since (for example the field names and field serializer snapshots of a
 *       POJO).
 *   <li>{@link #getCurrentVersion()} is written with the snapshot and handed to {@link #readSnapshot}
 *       so that a snapshot class can change its own format.
 *   <li>{@link #resolveSchemaCompatibility} is called on the snapshot of the <em>new</em> serializer
 *       with the snapshot restored from the checkpoint (Flink 2's direction).
 * </ul>
 */
public interface TypeSerializerSnapshot<T> {

    /** The version of this snapshot's own format, written with it. */
    int getCurrentVersion();

    void writeSnapshot(DataOutputView out) throws IOException;

    /**
     * Reads what {@link #writeSnapshot} wrote, in format {@code readVersion}. Classes of user types
     * are loaded through {@code userCodeClassLoader}; a class that is missing fails with an
     * {@link IOException} caused by the {@link ClassNotFoundException}.
     */
    void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException;

    /** A serializer that reads (and writes) data in the format of the serializer snapshotted. */
    TypeSerializer<T> restoreSerializer();

    /**
     * Whether the serializer of this snapshot (the new one) can take over data written by the
     * serializer of {@code oldSerializerSnapshot}, and how.
     */
    TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot);

    /** Writes {@code snapshot} with its class name and version, for {@link #readVersionedSnapshot}. */
    static void writeVersionedSnapshot(DataOutputView out, TypeSerializerSnapshot<?> snapshot) throws IOException {
        out.writeUTF(snapshot.getClass().getName());
        out.writeInt(snapshot.getCurrentVersion());
        snapshot.writeSnapshot(out);
    }

    /** Reads a snapshot written by {@link #writeVersionedSnapshot}. */
    @SuppressWarnings("unchecked")
    static <T> TypeSerializerSnapshot<T> readVersionedSnapshot(DataInputView in, ClassLoader userCodeClassLoader)
            throws IOException {
        String className = in.readUTF();
        int version = in.readInt();
        TypeSerializerSnapshot<T> snapshot;
        try {
            Class<?> type = Class.forName(className, false, userCodeClassLoader);
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            snapshot = (TypeSerializerSnapshot<T>) constructor.newInstance();
        } catch (ClassNotFoundException e) {
            throw new IOException("The serializer snapshot class " + className + " is not on the classpath", e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("The serializer snapshot class " + className
                    + " cannot be created with a no-arg constructor: " + e, e);
        }
        snapshot.readSnapshot(version, in, userCodeClassLoader);
        return snapshot;
    }

    /**
     * {@code newSnapshot.resolveSchemaCompatibility(oldSnapshot)} for snapshots whose type the caller
     * only knows as a wildcard (nested serializers, registered states); snapshots of different
     * classes are incompatible.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static TypeSerializerSchemaCompatibility<?> resolveCompatibility(TypeSerializerSnapshot<?> newSnapshot,
            TypeSerializerSnapshot<?> oldSnapshot) {
        if (!newSnapshot.getClass().getName().equals(oldSnapshot.getClass().getName())) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        return ((TypeSerializerSnapshot) newSnapshot).resolveSchemaCompatibility(oldSnapshot);
    }

    /** Loads a user class named in a snapshot, failing with an {@link IOException} that names it. */
    static Class<?> loadClass(String name, ClassLoader userCodeClassLoader) throws IOException {
        try {
            return Class.forName(name, false, userCodeClassLoader);
        } catch (ClassNotFoundException e) {
            throw new IOException("Class " + name + " is not on the classpath", e);
        }
    }
}
