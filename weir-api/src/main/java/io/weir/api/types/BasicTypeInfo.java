package io.weir.api.types;

import io.weir.api.types.serializers.BigDecSerializer;
import io.weir.api.types.serializers.BigIntSerializer;
import io.weir.api.types.serializers.BooleanSerializer;
import io.weir.api.types.serializers.ByteSerializer;
import io.weir.api.types.serializers.CharSerializer;
import io.weir.api.types.serializers.DateSerializer;
import io.weir.api.types.serializers.DoubleSerializer;
import io.weir.api.types.serializers.DurationSerializer;
import io.weir.api.types.serializers.FloatSerializer;
import io.weir.api.types.serializers.InstantSerializer;
import io.weir.api.types.serializers.IntSerializer;
import io.weir.api.types.serializers.LocalDateSerializer;
import io.weir.api.types.serializers.LocalDateTimeSerializer;
import io.weir.api.types.serializers.LocalTimeSerializer;
import io.weir.api.types.serializers.LongSerializer;
import io.weir.api.types.serializers.ShortSerializer;
import io.weir.api.types.serializers.SqlDateSerializer;
import io.weir.api.types.serializers.SqlTimeSerializer;
import io.weir.api.types.serializers.SqlTimestampSerializer;
import io.weir.api.types.serializers.StringSerializer;
import io.weir.api.types.serializers.VoidSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The type of a single JDK value: String, the primitives and their boxes, BigDecimal, BigInteger,
 * Void, and the {@code java.time} and {@code java.sql} date-time values. A primitive class maps to
 * the type of its box. All of them can be keys.
 */
public final class BasicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = new HashMap<>();

    public static final BasicTypeInfo<String> STRING_TYPE_INFO = register(String.class, StringSerializer.INSTANCE);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = register(Boolean.class, BooleanSerializer.INSTANCE);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = register(Byte.class, ByteSerializer.INSTANCE);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = register(Short.class, ShortSerializer.INSTANCE);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = register(Integer.class, IntSerializer.INSTANCE);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = register(Long.class, LongSerializer.INSTANCE);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = register(Float.class, FloatSerializer.INSTANCE);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = register(Double.class, DoubleSerializer.INSTANCE);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = register(Character.class, CharSerializer.INSTANCE);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO =
            register(BigDecimal.class, BigDecSerializer.INSTANCE);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO =
            register(BigInteger.class, BigIntSerializer.INSTANCE);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO = register(Void.class, VoidSerializer.INSTANCE);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO = register(Instant.class, InstantSerializer.INSTANCE);
    public static final BasicTypeInfo<Duration> DURATION_TYPE_INFO =
            register(Duration.class, DurationSerializer.INSTANCE);
    public static final BasicTypeInfo<LocalDate> LOCAL_DATE_TYPE_INFO =
            register(LocalDate.class, LocalDateSerializer.INSTANCE);
    public static final BasicTypeInfo<LocalTime> LOCAL_TIME_TYPE_INFO =
            register(LocalTime.class, LocalTimeSerializer.INSTANCE);
    public static final BasicTypeInfo<LocalDateTime> LOCAL_DATE_TIME_TYPE_INFO =
            register(LocalDateTime.class, LocalDateTimeSerializer.INSTANCE);
    public static final BasicTypeInfo<Date> DATE_TYPE_INFO = register(Date.class, DateSerializer.INSTANCE);
    public static final BasicTypeInfo<java.sql.Date> SQL_DATE_TYPE_INFO =
            register(java.sql.Date.class, SqlDateSerializer.INSTANCE);
    public static final BasicTypeInfo<Time> SQL_TIME_TYPE_INFO = register(Time.class, SqlTimeSerializer.INSTANCE);
    public static final BasicTypeInfo<Timestamp> SQL_TIMESTAMP_TYPE_INFO =
            register(Timestamp.class, SqlTimestampSerializer.INSTANCE);

    static {
        BY_CLASS.put(boolean.class, BOOLEAN_TYPE_INFO);
        BY_CLASS.put(byte.class, BYTE_TYPE_INFO);
        BY_CLASS.put(short.class, SHORT_TYPE_INFO);
        BY_CLASS.put(int.class, INT_TYPE_INFO);
        BY_CLASS.put(long.class, LONG_TYPE_INFO);
        BY_CLASS.put(float.class, FLOAT_TYPE_INFO);
        BY_CLASS.put(double.class, DOUBLE_TYPE_INFO);
        BY_CLASS.put(char.class, CHAR_TYPE_INFO);
        BY_CLASS.put(void.class, VOID_TYPE_INFO);
    }

    private final Class<T> typeClass;
    private final TypeSerializer<T> serializer;

    private BasicTypeInfo(Class<T> typeClass, TypeSerializer<T> serializer) {
        this.typeClass = typeClass;
        this.serializer = serializer;
    }

    private static <T> BasicTypeInfo<T> register(Class<T> typeClass, TypeSerializer<T> serializer) {
        BasicTypeInfo<T> info = new BasicTypeInfo<>(typeClass, serializer);
        BY_CLASS.put(typeClass, info);
        return info;
    }

    /** The basic type of {@code type} (a primitive maps to its box), or null if it is not basic. */
    @SuppressWarnings("unchecked")
    public static <T> BasicTypeInfo<T> getInfoFor(Class<T> type) {
        return (BasicTypeInfo<T>) BY_CLASS.get(type);
    }

    @Override
    public boolean isBasicType() {
        return true;
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
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return typeClass.getPackageName().equals("java.sql") ? typeClass.getName() : typeClass.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BasicTypeInfo<?> other && other.typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.getName().hashCode();
    }

    private Object readResolve() {
        return BY_CLASS.get(typeClass);
    }
}
