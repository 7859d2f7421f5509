package io.weir.api.types;

import io.weir.api.tuple.Tuple;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type information for the common types, to give where a type cannot be extracted, e.g.
 * {@code .returns(Types.TUPLE(Types.STRING, Types.INT))}. The names follow Flink's {@code Types}.
 */
public final class Types {
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;
    public static final TypeInformation<Duration> DURATION = BasicTypeInfo.DURATION_TYPE_INFO;
    public static final TypeInformation<LocalDate> LOCAL_DATE = BasicTypeInfo.LOCAL_DATE_TYPE_INFO;
    public static final TypeInformation<LocalTime> LOCAL_TIME = BasicTypeInfo.LOCAL_TIME_TYPE_INFO;
    public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO;
    public static final TypeInformation<java.sql.Date> SQL_DATE = BasicTypeInfo.SQL_DATE_TYPE_INFO;
    public static final TypeInformation<Time> SQL_TIME = BasicTypeInfo.SQL_TIME_TYPE_INFO;
    public static final TypeInformation<Timestamp> SQL_TIMESTAMP = BasicTypeInfo.SQL_TIMESTAMP_TYPE_INFO;

    private static final Class<?>[] PRIMITIVES = {
            boolean.class, byte.class, short.class, char.class, int.class, long.class, float.class, double.class};

    private Types() {
    }

    /** A row with unnamed fields {@code f0, f1, ...} of the given types. */
    public static TypeInformation<Row> ROW(TypeInformation<?>... types) {
        return new RowTypeInfo(types);
    }

    /** A row with the given field names and types. */
    public static TypeInformation<Row> ROW_NAMED(String[] fieldNames, TypeInformation<?>... types) {
        return new RowTypeInfo(types, fieldNames);
    }

    /** The plain tuple class {@code Tuple<N>} with the given field types. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return new TupleTypeInfo<>(types);
    }

    /**
     * A subclass of a tuple class that fixes its field types, such as
     * {@code class WordCount extends Tuple2<String, Integer>}.
     */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(tupleSubclass);
        if (info instanceof MissingTypeInfo<?> missing) {
            throw missing.toException();
        }
        if (!(info instanceof TupleTypeInfo)) {
            throw new InvalidTypesException(tupleSubclass.getName() + " is not a tuple type");
        }
        return info;
    }

    /** The POJO type of {@code pojoClass}; fails with the broken rule if it is not a POJO. */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        String violation = PojoAnalysis.violation(pojoClass);
        if (violation != null) {
            throw new InvalidTypesException(pojoClass.getName() + " is not a POJO: " + violation + ".");
        }
        TypeInformation<T> info = TypeExtractor.createTypeInfo(pojoClass);
        if (info instanceof MissingTypeInfo<?> missing) {
            throw missing.toException();
        }
        if (!(info instanceof PojoTypeInfo)) {
            throw new InvalidTypesException(pojoClass.getName() + " is not a POJO but " + info);
        }
        return info;
    }

    /**
     * The POJO type of {@code pojoClass} with only the given fields, of the given types; for fields
     * whose types cannot be extracted. Each field must exist in the class or a superclass.
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        String violation = PojoAnalysis.violation(pojoClass);
        if (violation != null) {
            throw new InvalidTypesException(pojoClass.getName() + " is not a POJO: " + violation + ".");
        }
        List<PojoField> pojoFields = new ArrayList<>();
        for (Map.Entry<String, TypeInformation<?>> entry : fields.entrySet()) {
            pojoFields.add(new PojoField(findField(pojoClass, entry.getKey()), entry.getValue()));
        }
        return new PojoTypeInfo<>(pojoClass, pojoFields);
    }

    private static Field findField(Class<?> pojoClass, String name) {
        List<String> available = new ArrayList<>();
        for (Class<?> k = pojoClass; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field field : PojoAnalysis.pojoFields(k)) {
                if (field.getName().equals(name)) {
                    return field;
                }
                available.add(field.getName());
            }
        }
        throw new InvalidFieldReferenceException("Field '" + name + "' does not exist in " + pojoClass.getName()
                + ". Available fields: " + available);
    }

    /** The type of a Java record, with component types extracted from its declaration. */
    public static <T extends Record> TypeInformation<T> RECORD(Class<T> recordClass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(recordClass);
        if (info instanceof MissingTypeInfo<?> missing) {
            throw missing.toException();
        }
        if (!(info instanceof RecordTypeInfo)) {
            throw new InvalidTypesException("Record " + recordClass.getName() + " cannot be analysed: it is " + info);
        }
        return info;
    }

    /** The generic type of {@code genericClass}, serialized by the generic (Kryo) serializer. */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }

    /** An array of primitives, given the type of its elements: {@code PRIMITIVE_ARRAY(Types.INT)} is {@code int[]}. */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Class<?> element = elementType.getTypeClass();
        for (Class<?> primitive : PRIMITIVES) {
            if (BasicTypeInfo.getInfoFor(primitive) == elementType) {
                return PrimitiveArrayTypeInfo.getInfoFor(Array.newInstance(primitive, 0).getClass());
            }
        }
        throw new IllegalArgumentException(element.getName() + " has no primitive array type; use OBJECT_ARRAY");
    }

    /** An array of objects of the given type; elements may be null. */
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        return ObjectArrayTypeInfo.getInfoFor(elementType);
    }

    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumClass) {
        return new EnumTypeInfo<>(enumClass);
    }

    /** A list; elements may be null. */
    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    /** A map; values may be null, keys may not. */
    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    /** An Optional; a Weir addition, for values that may be absent where nulls are not allowed. */
    public static <T> TypeInformation<Optional<T>> OPTIONAL(TypeInformation<T> valueType) {
        return new OptionalTypeInfo<>(valueType);
    }
}
