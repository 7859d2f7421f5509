package io.weir.api.types.serializers;

import io.weir.api.types.TypeSerializer;

/** What the serializers of composite types share: duplicating their field serializers. */
final class CompositeSerializers {
    private CompositeSerializers() {
    }

    /**
     * Duplicates of {@code serializers}, or null if every serializer returned itself, in which case
     * the composite serializer can return itself too.
     */
    static TypeSerializer<?>[] duplicateAll(TypeSerializer<?>[] serializers) {
        TypeSerializer<?>[] duplicates = new TypeSerializer<?>[serializers.length];
        boolean changed = false;
        for (int i = 0; i < serializers.length; i++) {
            duplicates[i] = serializers[i].duplicate();
            changed |= duplicates[i] != serializers[i];
        }
        return changed ? duplicates : null;
    }

    /** True if all serializers are of immutable types. */
    static boolean allImmutable(TypeSerializer<?>[] serializers) {
        for (TypeSerializer<?> serializer : serializers) {
            if (!serializer.isImmutableType()) {
                return false;
            }
        }
        return true;
    }
}
