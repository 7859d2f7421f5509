package io.weir.api.types.serializers;

import io.weir.api.types.TypeSerializer;

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
