package io.weir.api.types;

import java.util.Objects;

/**
 * How data written by an earlier serializer relates to the serializer a restored job registers now,
 * as {@link TypeSerializerSnapshot#resolveSchemaCompatibility} decides it:
 *
 * <ul>
 *   <li><b>compatible as is</b>: the new serializer reads the old bytes;
 *   <li><b>compatible after migration</b>: the old bytes must be read with the old serializer
 *       ({@link TypeSerializerSnapshot#restoreSerializer()}) and written again with the new one;
 *   <li><b>compatible with a reconfigured serializer</b>: the given serializer, a variant of the new
 *       one, reads the old bytes;
 *   <li><b>incompatible</b>: the old data cannot become values of the new type; the restore fails.
 * </ul>
 */
public final class TypeSerializerSchemaCompatibility<T> {
    private enum Kind { COMPATIBLE_AS_IS, COMPATIBLE_AFTER_MIGRATION, COMPATIBLE_WITH_RECONFIGURED_SERIALIZER, INCOMPATIBLE }

    private static final TypeSerializerSchemaCompatibility<?> AS_IS =
            new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_AS_IS, null);
    private static final TypeSerializerSchemaCompatibility<?> AFTER_MIGRATION =
            new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_AFTER_MIGRATION, null);
    private static final TypeSerializerSchemaCompatibility<?> INCOMPATIBLE =
            new TypeSerializerSchemaCompatibility<>(Kind.INCOMPATIBLE, null);

    private final Kind kind;
    private final TypeSerializer<T> reconfiguredSerializer;

    private TypeSerializerSchemaCompatibility(Kind kind, TypeSerializer<T> reconfiguredSerializer) {
        this.kind = kind;
        this.reconfiguredSerializer = reconfiguredSerializer;
    }

    @SuppressWarnings("unchecked")
    public static <T> TypeSerializerSchemaCompatibility<T> compatibleAsIs() {
        return (TypeSerializerSchemaCompatibility<T>) AS_IS;
    }

    @SuppressWarnings("unchecked")
    public static <T> TypeSerializerSchemaCompatibility<T> compatibleAfterMigration() {
        return (TypeSerializerSchemaCompatibility<T>) AFTER_MIGRATION;
    }

    public static <T> TypeSerializerSchemaCompatibility<T> compatibleWithReconfiguredSerializer(
            TypeSerializer<T> reconfiguredSerializer) {
        return new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_WITH_RECONFIGURED_SERIALIZER,
                Objects.requireNonNull(reconfiguredSerializer, "reconfiguredSerializer"));
    }

    @SuppressWarnings("unchecked")
    public static <T> TypeSerializerSchemaCompatibility<T> incompatible() {
        return (TypeSerializerSchemaCompatibility<T>) INCOMPATIBLE;
    }

    public boolean isCompatibleAsIs() {
        return kind == Kind.COMPATIBLE_AS_IS;
    }

    public boolean isCompatibleAfterMigration() {
        return kind == Kind.COMPATIBLE_AFTER_MIGRATION;
    }

    public boolean isCompatibleWithReconfiguredSerializer() {
        return kind == Kind.COMPATIBLE_WITH_RECONFIGURED_SERIALIZER;
    }

    public boolean isIncompatible() {
        return kind == Kind.INCOMPATIBLE;
    }

    /** The serializer that reads the old data; only for {@link #isCompatibleWithReconfiguredSerializer()}. */
    public TypeSerializer<T> getReconfiguredSerializer() {
        if (reconfiguredSerializer == null) {
            throw new IllegalStateException("Only a compatibility with a reconfigured serializer has one; this is " + this);
        }
        return reconfiguredSerializer;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case COMPATIBLE_AS_IS -> "compatible as is";
            case COMPATIBLE_AFTER_MIGRATION -> "compatible after migration";
            case COMPATIBLE_WITH_RECONFIGURED_SERIALIZER -> "compatible with reconfigured serializer "
                    + reconfiguredSerializer;
            case INCOMPATIBLE -> "incompatible";
        };
    }
}
