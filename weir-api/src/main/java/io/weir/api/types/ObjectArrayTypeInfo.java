package io.weir.api.types;

import io.weir.api.types.serializers.ObjectArraySerializer;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * The type of an array of objects, such as {@code String[]} or {@code Person[]}, given by the type
 * of its elements. Elements may be null. Arrays hash by identity, so they are not key types.
 */
public final class ObjectArrayTypeInfo<T, C> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> arrayClass;
    private final TypeInformation<C> componentInfo;

    private ObjectArrayTypeInfo(Class<T> arrayClass, TypeInformation<C> componentInfo) {
        this.arrayClass = arrayClass;
        this.componentInfo = componentInfo;
    }

    /** The type of arrays of {@code componentInfo}'s class. */
    @SuppressWarnings("unchecked")
    public static <C> ObjectArrayTypeInfo<C[], C> getInfoFor(TypeInformation<C> componentInfo) {
        Objects.requireNonNull(componentInfo, "component type");
        Class<C[]> arrayClass = (Class<C[]>) Array.newInstance(componentInfo.getTypeClass(), 0).getClass();
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    public TypeInformation<C> getComponentInfo() {
        return componentInfo;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return arrayClass;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return (TypeSerializer<T>) new ObjectArraySerializer(componentInfo.getTypeClass(),
                componentInfo.createSerializer(config));
    }

    /** {@code String[]}. */
    @Override
    public String toString() {
        return componentInfo + "[]";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ObjectArrayTypeInfo<?, ?> other && other.arrayClass == arrayClass
                && other.componentInfo.equals(componentInfo);
    }

    @Override
    public int hashCode() {
        return 31 * arrayClass.getName().hashCode() + componentInfo.hashCode();
    }
}
