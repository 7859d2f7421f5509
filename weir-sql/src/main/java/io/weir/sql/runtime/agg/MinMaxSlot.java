package io.weir.sql.runtime.agg;

import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.List;

/**
 * MIN(x) or MAX(x) over append-only input: one field, the extreme value so far (null before the
 * first value). It cannot retract; {@link RetractableMinMaxSlot} serves input with updates.
 */
public final class MinMaxSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?> valueType;
    private final boolean max;

    public MinMaxSlot(TypeInformation<?> valueType, boolean max) {
        this.valueType = valueType;
        this.max = max;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(valueType);
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void accumulate(Row acc, int offset, Object value) {
        Comparable current = (Comparable) acc.getField(offset);
        if (current == null || (max ? current.compareTo(value) < 0 : current.compareTo(value) > 0)) {
            acc.setField(offset, value);
        }
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        Object value = other.getField(offset);
        if (value != null) {
            accumulate(acc, offset, value);
        }
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        throw new UnsupportedOperationException("MIN/MAX over append-only input cannot retract; the planner "
                + "chooses the retracting version for input with updates");
    }

    @Override
    public Object result(Row acc, int offset) {
        return acc.getField(offset);
    }

    @Override
    public boolean canRetract() {
        return false;
    }
}
