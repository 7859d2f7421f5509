package io.weir.api.types.serializers;

/**
 * Base for the serializers of primitive arrays. Each writes the int length, -1 for null, and then
 * the elements in the format of the element's serializer.
 */
public abstract class PrimitiveArraySerializer<T> extends StatelessSerializer<T> {
    private static final long serialVersionUID = 1L;

    static final int NULL_LENGTH = -1;

    @Override
    public final boolean isImmutableType() {
        return false;
    }

    @Override
    public final int getLength() {
        return -1;
    }
}
