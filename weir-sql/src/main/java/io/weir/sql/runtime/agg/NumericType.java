package io.weir.sql.runtime.agg;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Java class of a numeric SQL value, for aggregates that add and divide numbers: sums of
 * integers are kept in a {@code long}, of floating point numbers in a {@code double}, of decimals
 * in a {@link BigDecimal}, and converted to the SQL result type when read (so {@code SUM(INT)}
 * wraps around like Flink's).
 */
public enum NumericType {
    TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL;

    /** How the running sum of values of this type is kept. */
    public enum SumKind { LONG, DOUBLE, DECIMAL }

    public SumKind sumKind() {
        return switch (this) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> SumKind.LONG;
            case FLOAT, DOUBLE -> SumKind.DOUBLE;
            case DECIMAL -> SumKind.DECIMAL;
        };
    }

    /** A value of this type from a running sum of kind {@link #sumKind()} of the input. */
    Object fromLong(long value) {
        return switch (this) {
            case TINYINT -> (byte) value;
            case SMALLINT -> (short) value;
            case INTEGER -> (int) value;
            case BIGINT -> value;
            case FLOAT -> (float) value;
            case DOUBLE -> (double) value;
            case DECIMAL -> BigDecimal.valueOf(value);
        };
    }

    Object fromDouble(double value) {
        return switch (this) {
            case TINYINT -> (byte) value;
            case SMALLINT -> (short) value;
            case INTEGER -> (int) value;
            case BIGINT -> (long) value;
            case FLOAT -> (float) value;
            case DOUBLE -> value;
            case DECIMAL -> BigDecimal.valueOf(value);
        };
    }

    Object fromDecimal(BigDecimal value, int scale) {
        return switch (this) {
            case DECIMAL -> value.setScale(scale, RoundingMode.HALF_UP);
            case DOUBLE -> value.doubleValue();
            case FLOAT -> value.floatValue();
            default -> fromLong(value.longValue());
        };
    }
}
