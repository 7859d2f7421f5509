package io.weir.sql.runtime.agg;

import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.math.BigDecimal;
import java.util.List;

/**
 * The second level of a split-distinct {@code AVG(x)}: the first level sends, per bucket, the sum
 * and the count of its values (two fields, passed here as one list {@code [sum, count]}, a null sum
 * when the bucket counted none); this slot adds them up (taking a bucket's old pair back when it
 * changes) and divides as {@code AVG} does ({@link SumSlot}'s arithmetic: integer division for
 * integers, as in Flink). Its accumulator is a {@link SumSlot}'s: the sum and the count.
 */
public final class AverageOfPartialsSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final SumSlot average;
    private final NumericType.SumKind sumKind;

    /**
     * @param inputType the numeric type of AVG's argument
     * @param resultType AVG's result type
     * @param resultScale the result's scale when it is a DECIMAL
     */
    public AverageOfPartialsSlot(NumericType inputType, NumericType resultType, int resultScale) {
        this.average = new SumSlot(inputType, resultType, resultScale, true);
        this.sumKind = inputType.sumKind();
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return average.accumulatorTypes();
    }

    @Override
    public void init(Row acc, int offset) {
        average.init(acc, offset);
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        add(acc, offset, (List<?>) value, false);
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        add(acc, offset, (List<?>) value, true);
    }

    private void add(Row acc, int offset, List<?> partial, boolean negate) {
        Object more = partial.get(0);
        long count = partial.get(1) == null ? 0 : ((Number) partial.get(1)).longValue();
        if (more != null) {
            Object sum = acc.getField(offset);
            acc.setField(offset, switch (sumKind) {
                case LONG -> negate ? (Long) sum - ((Number) more).longValue() : (Long) sum + ((Number) more).longValue();
                case DOUBLE -> negate ? (Double) sum - ((Number) more).doubleValue()
                        : (Double) sum + ((Number) more).doubleValue();
                case DECIMAL -> negate ? ((BigDecimal) sum).subtract((BigDecimal) more) : ((BigDecimal) sum).add((BigDecimal) more);
            });
        }
        acc.setField(offset + 1, (Long) acc.getField(offset + 1) + (negate ? -count : count));
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        average.merge(acc, offset, other);
    }

    @Override
    public boolean canMerge() {
        return average.canMerge();
    }

    @Override
    public Object result(Row acc, int offset) {
        return average.result(acc, offset);
    }
}
