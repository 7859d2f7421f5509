package io.weir.api.types;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * The snapshot of a serializer without configuration (int, String, the time types, arrays of
 * primitives, windows, …): its class name. Data written by a serializer of the same class is
 * compatible as is; anything else is incompatible.
 *
 * <p>The serializer is restored from its public static {@code INSTANCE} field, or else its no-arg
 * constructor. (Flink's class of this name takes a supplier of the serializer instead.)
 */
public final class SimpleTypeSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
    private static final int VERSION = 1;

    private Class<? extends TypeSerializer<T>> serializerClass;

    /** For reading a snapshot only. */
    public SimpleTypeSerializerSnapshot() {}

    public SimpleTypeSerializerSnapshot(Class<? extends TypeSerializer<T>> serializerClass) {
        this.serializerClass = Objects.requireNonNull(serializerClass, "serializerClass");
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(serializerClass.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        serializerClass = (Class<? extends TypeSerializer<T>>) TypeSerializerSnapshot.loadClass(in.readUTF(),
                userCodeClassLoader);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> restoreSerializer() {
        try {
            Field instance = serializerClass.getField("INSTANCE");
            if (Modifier.isStatic(instance.getModifiers()) && serializerClass.isInstance(instance.get(null))) {
                return (TypeSerializer<T>) instance.get(null);
            }
        } catch (NoSuchFieldException e) {
            // no shared instance: make one below
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + serializerClass.getName() + ".INSTANCE: " + e, e);
        }
        try {
            Constructor<? extends TypeSerializer<T>> constructor = serializerClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Serializer " + serializerClass.getName()
                    + " has neither a public static INSTANCE nor a no-arg constructor, so its snapshot cannot "
                    + "restore it: give it its own TypeSerializerSnapshot", e);
        }
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        return oldSerializerSnapshot instanceof SimpleTypeSerializerSnapshot<T> old
                && old.serializerClass.getName().equals(serializerClass.getName())
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }

    @Override
    public String toString() {
        return serializerClass == null ? "SimpleTypeSerializerSnapshot" : serializerClass.getSimpleName();
    }
}
