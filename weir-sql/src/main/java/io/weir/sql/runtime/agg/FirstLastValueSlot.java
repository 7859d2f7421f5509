package io.weir.sql.runtime.agg;

import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * FIRST_VALUE(x) or LAST_VALUE(x) as a group or window aggregate, as Flink computes them: the first
 * (last) non-null value in the order the rows arrive; NULLs are skipped, and a group with only NULLs
 * gives NULL.
 *
 * <p>Over append-only input one field holds the value. Over input with updates the slot keeps every
 * value in arrival order (as Flink's retracting versions keep the values with their order), so a
 * retraction removes the earliest equal value and the result falls back to the next first (or the
 * previous last) value. The slot does not merge: a window with these calls runs unsliced and an
 * aggregate with them in one phase, as Flink's own functions have no {@code merge}.
 */
public final class FirstLastValueSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?> valueType;
    private final boolean last;
    private final boolean retracting;

    /**
     * @param last LAST_VALUE rather than FIRST_VALUE
     * @param retracting whether the input has updates (then all values are kept, in order)
     */
    public FirstLastValueSlot(TypeInformation<?> valueType, boolean last, boolean retracting) {
        this.valueType = valueType;
        this.last = last;
        this.retracting = retracting;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(retracting ? new ListTypeInfo<>(valueType) : valueType);
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, retracting ? new ArrayList<>() : null);
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        if (retracting) {
            values(acc, offset).add(value);
        } else if (last || acc.getField(offset) == null) {
            acc.setField(offset, value);
        }
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        if (!retracting) {
            throw new UnsupportedOperationException(name() + " over append-only input cannot retract; the planner "
                    + "chooses the retracting version for input with updates");
        }
        List<Object> values = values(acc, offset);
        for (int i = 0; i < values.size(); i++) {
            if (Objects.deepEquals(values.get(i), value)) {
                values.remove(i);
                return;
            }
        }
    }

    @Override
    public Object result(Row acc, int offset) {
        if (!retracting) {
            return acc.getField(offset);
        }
        List<Object> values = values(acc, offset);
        return values.isEmpty() ? null : values.get(last ? values.size() - 1 : 0);
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
        return retracting;
    }

    private String name() {
        return last ? "LAST_VALUE" : "FIRST_VALUE";
    }
}
