package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.math.BigDecimal;
import java.util.List;

/**
 * SUM(x) and AVG(x): the running sum (a {@code long}, {@code double} or {@link BigDecimal} as
 * {@link NumericType#sumKind()} says) and the number of values summed. The result is null while
 * no value is counted, as SQL asks; AVG divides the sum by the count in the sum's arithmetic
 * (integer division for integers, as in Flink).
 */
public final class SumSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final NumericType.SumKind sumKind;
    private final NumericType resultType;
    private final int resultScale;
    private final boolean average;

    /**
     * @param inputType the argument's numeric type
     * @param resultType the SQL result's numeric type
     * @param resultScale the result's scale when it is a DECIMAL
     * @param average AVG rather than SUM
     */
    public SumSlot(NumericType inputType, NumericType resultType, int resultScale, boolean average) {
        this.sumKind = inputType.sumKind();
        this.resultType = resultType;
        this.resultScale = resultScale;
        this.average = average;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        TypeInformation<?> sum = switch (sumKind) {
            case LONG -> BasicTypeInfo.LONG_TYPE_INFO;
            case DOUBLE -> BasicTypeInfo.DOUBLE_TYPE_INFO;
            case DECIMAL -> BasicTypeInfo.BIG_DEC_TYPE_INFO;
        };
        return List.of(sum, BasicTypeInfo.LONG_TYPE_INFO);
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, switch (sumKind) {
            case LONG -> 0L;
            case DOUBLE -> 0d;
            case DECIMAL -> BigDecimal.ZERO;
        });
        acc.setField(offset + 1, 0L);
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        add(acc, offset, value, false);
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        add(acc, offset, value, true);
    }

    private void add(Row acc, int offset, Object value, boolean negate) {
        Object sum = acc.getField(offset);
        acc.setField(offset, switch (sumKind) {
            case LONG -> negate ? (Long) sum - ((Number) value).longValue() : (Long) sum + ((Number) value).longValue();
            case DOUBLE -> negate ? (Double) sum - ((Number) value).doubleValue()
                    : (Double) sum + ((Number) value).doubleValue();
            case DECIMAL -> negate ? ((BigDecimal) sum).subtract((BigDecimal) value) : ((BigDecimal) sum).add((BigDecimal) value);
        });
        acc.setField(offset + 1, (Long) acc.getField(offset + 1) + (negate ? -1 : 1));
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        Object sum = acc.getField(offset);
        Object more = other.getField(offset);
        acc.setField(offset, switch (sumKind) {
            case LONG -> (Long) sum + (Long) more;
            case DOUBLE -> (Double) sum + (Double) more;
            case DECIMAL -> ((BigDecimal) sum).add((BigDecimal) more);
        });
        acc.setField(offset + 1, (Long) acc.getField(offset + 1) + (Long) other.getField(offset + 1));
    }

    /**
     * Floating point sums do not merge: adding partial sums rounds differently from adding the
     * values one by one, and windows must give the same result sliced or not.
     */
    @Override
    public boolean canMerge() {
        return sumKind != NumericType.SumKind.DOUBLE;
    }

    @Override
    public Object result(Row acc, int offset) {
        long count = (Long) acc.getField(offset + 1);
        if (count == 0) {
            return null;
        }
        Object sum = acc.getField(offset);
        return switch (sumKind) {
            case LONG -> resultType.fromLong(average ? (Long) sum / count : (Long) sum);
            case DOUBLE -> resultType.fromDouble(average ? (Double) sum / count : (Double) sum);
            case DECIMAL -> resultType.fromDecimal(average
                    ? ((BigDecimal) sum).divide(BigDecimal.valueOf(count), Math.max(resultScale, 0) + 1,
                            java.math.RoundingMode.HALF_UP)
                    : (BigDecimal) sum, resultScale);
        };
    }
}
