package io.weir.api.datastream;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.FieldAccessor;
import io.weir.api.types.FieldAccessors;

/**
 * Keys by one field of the element, named by position or by name (the deprecated
 * {@code ConnectedStreams.keyBy(int, int)} and {@code keyBy(String, String)}). The key is the
 * field's value; the field is resolved once when the job is built, not per record.
 */
final class FieldKeySelector<T, F> implements KeySelector<T, F> {
    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T, F> field;

    private FieldKeySelector(FieldAccessor<T, F> field) {
        this.field = field;
    }

    static <T> KeyedStream<T, Object> keyByPosition(DataStream<T> input, int position) {
        return keyBy(input, FieldAccessors.forPosition(input.getType(), position));
    }

    static <T> KeyedStream<T, Object> keyByName(DataStream<T> input, String fieldExpression) {
        return keyBy(input, FieldAccessors.forName(input.getType(), fieldExpression));
    }

    private static <T> KeyedStream<T, Object> keyBy(DataStream<T> input, FieldAccessor<T, Object> field) {
        return input.keyBy(new FieldKeySelector<>(field), field.getFieldType());
    }

    @Override
    public F getKey(T value) {
        return field.get(value);
    }
}
