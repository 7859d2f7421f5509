package io.weir.api.types.serializers;

/** Base for stateless serializers of immutable values, which {@link #copy} returns as they are. */
public abstract class ImmutableValueSerializer<T> extends StatelessSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final T copy(T from) {
        return from;
    }
}
