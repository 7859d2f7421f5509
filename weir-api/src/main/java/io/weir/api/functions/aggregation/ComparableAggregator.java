package io.weir.api.functions.aggregation;

import io.weir.api.types.FieldAccessor;
import io.weir.api.types.TypeSerializer;

/**
 * min/max keep the first element of the key and replace only the field by the smallest/largest
 * value seen; minBy/maxBy return the whole element with the smallest/largest field (on ties the
 * first one if {@code first} is set, else the latest).
 */
public class ComparableAggregator<T> extends AggregationFunction<T> {
    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T, Object> field;
    private final TypeSerializer<T> serializer;
    private final AggregationType type;
    private final boolean first;

    public ComparableAggregator(FieldAccessor<T, Object> field, TypeSerializer<T> serializer,
            AggregationType type, boolean first) {
        if (type == AggregationType.SUM) {
            throw new IllegalArgumentException("Use SumAggregator for sums");
        }
        Class<?> fieldClass = field.getFieldType().getTypeClass();
        if (!Comparable.class.isAssignableFrom(fieldClass) && !fieldClass.isPrimitive()) {
            throw new IllegalArgumentException(type.name().toLowerCase() + "() needs a Comparable field, but the field "
                    + "has type " + fieldClass.getName() + ". Use reduce(...) for other types.");
        }
        this.field = field;
        this.serializer = serializer;
        this.type = type;
        this.first = first;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T reduce(T value1, T value2) {
        Comparable a = (Comparable) field.get(value1);
        Comparable b = (Comparable) field.get(value2);
        int c = a.compareTo(b);
        switch (type) {
            case MIN:
                return c <= 0 ? value1 : field.set(serializer.copy(value1), b);
            case MAX:
                return c >= 0 ? value1 : field.set(serializer.copy(value1), b);
            case MINBY:
                return c < 0 || (c == 0 && first) ? value1 : value2;
            default:
                return c > 0 || (c == 0 && first) ? value1 : value2;
        }
    }
}
