package io.weir.api.functions.aggregation;

import io.weir.api.types.FieldAccessor;
import io.weir.api.types.TypeSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Sums one numeric field. The result is a copy of the first element of the key with the field
 * replaced by the running sum.
 */
public class SumAggregator<T> extends AggregationFunction<T> {
    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T, Object> field;
    private final TypeSerializer<T> serializer;
    private final Adder adder;

    public SumAggregator(FieldAccessor<T, Object> field, TypeSerializer<T> serializer) {
        this.field = field;
        this.serializer = serializer;
        this.adder = Adder.forType(field.getFieldType().getTypeClass());
    }

    @Override
    public T reduce(T value1, T value2) {
        Object sum = adder.add(field.get(value1), field.get(value2));
        return field.set(serializer.copy(value1), sum);
    }

    /** Adds two boxed numbers of one type. */
    enum Adder {
        INT, LONG, SHORT, BYTE, FLOAT, DOUBLE, BIG_DECIMAL, BIG_INTEGER;

        static Adder forType(Class<?> type) {
            if (type == Integer.class || type == int.class) {
                return INT;
            } else if (type == Long.class || type == long.class) {
                return LONG;
            } else if (type == Short.class || type == short.class) {
                return SHORT;
            } else if (type == Byte.class || type == byte.class) {
                return BYTE;
            } else if (type == Float.class || type == float.class) {
                return FLOAT;
            } else if (type == Double.class || type == double.class) {
                return DOUBLE;
            } else if (type == BigDecimal.class) {
                return BIG_DECIMAL;
            } else if (type == BigInteger.class) {
                return BIG_INTEGER;
            }
            throw new IllegalArgumentException("sum() needs a numeric field, but the field has type "
                    + type.getName() + ". Use reduce(...) for other types.");
        }

        Object add(Object a, Object b) {
            switch (this) {
                case INT: return (Integer) a + (Integer) b;
                case LONG: return (Long) a + (Long) b;
                case SHORT: return (short) ((Short) a + (Short) b);
                case BYTE: return (byte) ((Byte) a + (Byte) b);
                case FLOAT: return (Float) a + (Float) b;
                case DOUBLE: return (Double) a + (Double) b;
                case BIG_DECIMAL: return ((BigDecimal) a).add((BigDecimal) b);
                default: return ((BigInteger) a).add((BigInteger) b);
            }
        }
    }
}
