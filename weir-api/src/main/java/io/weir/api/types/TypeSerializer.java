package io.weir.api.types;

import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back, and copies them. The same serializer serves the
 * exchanges between tasks and the state backends.
 *
 * <p>Threading: a serializer instance may keep scratch buffers, so it is used by one thread at a
 * time; {@link #duplicate()} gives an instance for another thread (stateless serializers return
 * {@code this}).
 */
public abstract class TypeSerializer<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True if values of this type can never change after creation, so {@link #copy} may return its argument. */
    public abstract boolean isImmutableType();

    /** A serializer safe to use from another thread; {@code this} when the serializer holds no mutable state. */
    public abstract TypeSerializer<T> duplicate();

    /** A new, empty instance (for object reuse), or {@code null} where the type has none. */
    public abstract T createInstance();

    /** A deep copy of {@code from}. */
    public abstract T copy(T from);

    /** A deep copy of {@code from}, reusing {@code reuse} where the type allows it. */
    public T copy(T from, T reuse) {
        return copy(from);
    }

    /** The fixed length in bytes of every serialized value, or -1 if it varies. */
    public abstract int getLength();

    /**
     * A snapshot of this serializer's configuration, written with the state it serializes so that a
     * restore can check (and, where needed, migrate) the stored data against the serializer of the
     * restored job.
     */
    public abstract TypeSerializerSnapshot<T> snapshotConfiguration();

    public abstract void serialize(T record, DataOutputView target) throws IOException;

    public abstract T deserialize(DataInputView source) throws IOException;

    /** Deserializes into {@code reuse} where the type allows it; the default ignores {@code reuse}. */
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }
}
