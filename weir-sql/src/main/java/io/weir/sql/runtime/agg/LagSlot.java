package io.weir.sql.runtime.agg;

import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LAG(x [, offset [, default]])} as a streaming OVER aggregate, as Flink runs it: the value of
 * x in the row {@code offset} rows before the last row the frame took in (1 by default), or the
 * default (NULL without one) when the frame has fewer rows. NULL values of x count as rows. The
 * accumulator keeps the last {@code offset + 1} values of x (and the latest default when the default
 * is a column), so an OVER aggregate's state grows with the offset only.
 *
 * <p>It reads its arguments as a list ({@link BoundAggregate#ofArguments}): x, then the default if
 * it is a column; a constant default is part of the slot. The slot neither retracts nor merges, as
 * Flink's LAG has neither: it runs in frames that start at UNBOUNDED PRECEDING (the frame SQL gives
 * LAG) only.
 */
public final class LagSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?> valueType;
    private final int offsetRows;
    private final Object constantDefault;
    private final boolean defaultIsColumn;

    /**
     * @param offsetRows how many rows back (0 is the row itself)
     * @param constantDefault the default when it is a constant (else null)
     * @param defaultIsColumn whether the default is the second argument value of each row
     */
    public LagSlot(TypeInformation<?> valueType, int offsetRows, Object constantDefault, boolean defaultIsColumn) {
        if (offsetRows < 0) {
            throw new IllegalArgumentException("LAG's offset must not be negative, not " + offsetRows);
        }
        this.valueType = valueType;
        this.offsetRows = offsetRows;
        this.constantDefault = constantDefault;
        this.defaultIsColumn = defaultIsColumn;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(new ListTypeInfo<>(valueType), valueType);
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, new ArrayList<>());
        acc.setField(offset + 1, constantDefault);
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        List<?> arguments = (List<?>) value;
        List<Object> buffer = values(acc, offset);
        buffer.add(arguments.get(0));
        while (buffer.size() > offsetRows + 1) {
            buffer.remove(0);
        }
        if (defaultIsColumn) {
            acc.setField(offset + 1, arguments.get(1));
        }
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        throw new UnsupportedOperationException("LAG cannot retract; it runs in frames from UNBOUNDED PRECEDING only");
    }

    @Override
    public Object result(Row acc, int offset) {
        List<Object> buffer = values(acc, offset);
        return buffer.size() <= offsetRows ? acc.getField(offset + 1) : buffer.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Row acc, int offset) {
        return (List<Object>) acc.getField(offset);
    }

    @Override
    public boolean canMerge() {
        return false;
    }

    @Override
    public boolean canRetract() {
        return false;
    }
}
