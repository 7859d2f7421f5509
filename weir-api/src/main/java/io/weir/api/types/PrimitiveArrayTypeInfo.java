package io.weir.api.types;

import io.weir.api.types.serializers.BooleanArraySerializer;
import io.weir.api.types.serializers.ByteArraySerializer;
import io.weir.api.types.serializers.CharArraySerializer;
import io.weir.api.types.serializers.DoubleArraySerializer;
import io.weir.api.types.serializers.FloatArraySerializer;
import io.weir.api.types.serializers.IntArraySerializer;
import io.weir.api.types.serializers.LongArraySerializer;
import io.weir.api.types.serializers.ShortArraySerializer;
import java.util.HashMap;
import java.util.Map;

/**
 * The type of an array of primitives, such as {@code byte[]} or {@code int[]}. Arrays hash by
 * identity, so they are not key types.
 */
public final class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> BY_CLASS = new HashMap<>();

    public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO =
            register(boolean[].class, BasicTypeInfo.BOOLEAN_TYPE_INFO, BooleanArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<byte[]> BYTE_PRIMITIVE_ARRAY_TYPE_INFO =
            register(byte[].class, BasicTypeInfo.BYTE_TYPE_INFO, ByteArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<short[]> SHORT_PRIMITIVE_ARRAY_TYPE_INFO =
            register(short[].class, BasicTypeInfo.SHORT_TYPE_INFO, ShortArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<char[]> CHAR_PRIMITIVE_ARRAY_TYPE_INFO =
            register(char[].class, BasicTypeInfo.CHAR_TYPE_INFO, CharArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<int[]> INT_PRIMITIVE_ARRAY_TYPE_INFO =
            register(int[].class, BasicTypeInfo.INT_TYPE_INFO, IntArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<long[]> LONG_PRIMITIVE_ARRAY_TYPE_INFO =
            register(long[].class, BasicTypeInfo.LONG_TYPE_INFO, LongArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<float[]> FLOAT_PRIMITIVE_ARRAY_TYPE_INFO =
            register(float[].class, BasicTypeInfo.FLOAT_TYPE_INFO, FloatArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO =
            register(double[].class, BasicTypeInfo.DOUBLE_TYPE_INFO, DoubleArraySerializer.INSTANCE);

    private final Class<T> arrayClass;
    private final BasicTypeInfo<?> componentInfo;
    private final TypeSerializer<T> serializer;

    private PrimitiveArrayTypeInfo(Class<T> arrayClass, BasicTypeInfo<?> componentInfo, TypeSerializer<T> serializer) {
        this.arrayClass = arrayClass;
        this.componentInfo = componentInfo;
        this.serializer = serializer;
    }

    private static <T> PrimitiveArrayTypeInfo<T> register(Class<T> arrayClass, BasicTypeInfo<?> componentInfo,
            TypeSerializer<T> serializer) {
        PrimitiveArrayTypeInfo<T> info = new PrimitiveArrayTypeInfo<>(arrayClass, componentInfo, serializer);
        BY_CLASS.put(arrayClass, info);
        return info;
    }

    /** The type of {@code arrayClass} if it is an array of primitives, else null. */
    @SuppressWarnings("unchecked")
    public static <T> PrimitiveArrayTypeInfo<T> getInfoFor(Class<T> arrayClass) {
        return (PrimitiveArrayTypeInfo<T>) BY_CLASS.get(arrayClass);
    }

    /** The boxed type of the elements, e.g. {@code Integer} for {@code int[]}. */
    public BasicTypeInfo<?> getComponentInfo() {
        return componentInfo;
    }

    /** The primitive element class, e.g. {@code int.class}. */
    public Class<?> getComponentClass() {
        return arrayClass.getComponentType();
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
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return arrayClass.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PrimitiveArrayTypeInfo<?> other && other.arrayClass == arrayClass;
    }

    @Override
    public int hashCode() {
        return arrayClass.getName().hashCode();
    }

    private Object readResolve() {
        return BY_CLASS.get(arrayClass);
    }
}
