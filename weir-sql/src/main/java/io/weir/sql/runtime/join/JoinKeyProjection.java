package io.weir.sql.runtime.join;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.Row;
import java.math.BigDecimal;

/**
 * The equi-join key of one join input: its key fields, widened so that equal SQL values of the two
 * inputs give equal keys (an INT on one side and a BIGINT on the other both become a {@code Long};
 * decimals lose trailing zeros, so {@code 1.0} meets {@code 1.00}). Both inputs' keys then hash to
 * the same subtask and compare equal in the keyed state.
 */
public final class JoinKeyProjection implements KeySelector<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** How a key field is made comparable with the other input's field at the same position. */
    public enum Widening {
        /** The two sides have the same Java type. */
        NONE,
        /** Both sides are integers (TINYINT ... BIGINT). */
        TO_LONG,
        /** Both sides are numbers, at least one FLOAT or DOUBLE. */
        TO_DOUBLE,
        /** Both sides are exact numbers, at least one DECIMAL. */
        TO_DECIMAL
    }

    private final int[] fields;
    private final Widening[] widenings;

    public JoinKeyProjection(int[] fields, Widening[] widenings) {
        this.fields = fields.clone();
        this.widenings = widenings.clone();
    }

    @Override
    public Row getKey(Row row) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = widen(row.getField(fields[i]), widenings[i]);
        }
        return Row.of(values);
    }

    private static Object widen(Object value, Widening widening) {
        if (value == null) {
            return null;
        }
        return switch (widening) {
            case NONE -> value;
            case TO_LONG -> ((Number) value).longValue();
            case TO_DOUBLE -> ((Number) value).doubleValue();
            case TO_DECIMAL -> decimal(value).stripTrailingZeros();
        };
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) value).longValue());
    }
}
