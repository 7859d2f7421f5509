package io.weir.api.types.serializers;

import io.weir.api.types.SimpleTypeSerializerSnapshot;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;

/**
 * Base for serializers without fields: one shared instance serves all threads, and any two
 * instances of the same class are equal.
 */
public abstract class StatelessSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    /** The serializer's class: stateless serializers of the same class read each other's data. */
    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new SimpleTypeSerializerSnapshot<>((Class<? extends TypeSerializer<T>>) getClass());
    }

    @Override
    public final boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().getName().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
