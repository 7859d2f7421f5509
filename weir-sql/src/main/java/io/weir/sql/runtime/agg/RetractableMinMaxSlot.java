package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MIN(x) or MAX(x) over input with retractions: the current extreme and a map from each value to
 * how many times it is in the group. Retracting the current extreme scans the map for the next
 * one (O(distinct values) then, O(1) otherwise), as Flink's retracting MIN/MAX does.
 */
public final class RetractableMinMaxSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?> valueType;
    private final boolean max;
    /** A partial accumulator (see {@link #asPartial}): counts may be negative. */
    private final boolean partial;

    public RetractableMinMaxSlot(TypeInformation<?> valueType, boolean max) {
        this(valueType, max, false);
    }

    private RetractableMinMaxSlot(TypeInformation<?> valueType, boolean max, boolean partial) {
        this.valueType = valueType;
        this.max = max;
        this.partial = partial;
    }

    /** Counts a retracted value the partial has not seen as -1, for the merge where it is. */
    @Override
    public AggregateSlot asPartial() {
        return new RetractableMinMaxSlot(valueType, max, true);
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(valueType, Types.MAP(valueType, BasicTypeInfo.LONG_TYPE_INFO));
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, null);
        acc.setField(offset + 1, new HashMap<Object, Long>());
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        counts(acc, offset).merge(value, 1L, Long::sum);
        if (better(value, acc.getField(offset))) {
            acc.setField(offset, value);
        }
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        Map<Object, Long> counts = counts(acc, offset);
        Long count = counts.get(value);
        if (count == null && partial) {
            counts.put(value, -1L); // accumulated in another partial: the merge takes it back
            return;
        }
        if (count == null) {
            return; // retracting a value never accumulated (e.g. expired state): nothing to take back
        }
        if (count != 1) {
            counts.put(value, count - 1);
            return;
        }
        counts.remove(value);
        if (value.equals(acc.getField(offset))) {
            acc.setField(offset, extreme(counts));
        }
    }

    /** The best value of positive count. */
    private Object extreme(Map<Object, Long> counts) {
        Object extreme = null;
        for (Map.Entry<Object, Long> entry : counts.entrySet()) {
            if (entry.getValue() > 0 && better(entry.getKey(), extreme)) {
                extreme = entry.getKey();
            }
        }
        return extreme;
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        Map<Object, Long> counts = counts(acc, offset);
        boolean retracted = false;
        for (Map.Entry<Object, Long> entry : counts(other, offset).entrySet()) {
            retracted |= entry.getValue() < 0;
            if (counts.merge(entry.getKey(), entry.getValue(), Long::sum) == 0) {
                counts.remove(entry.getKey());
            }
        }
        if (retracted) {
            // A partial of input with updates took values back: the extreme may have gone.
            acc.setField(offset, extreme(counts));
            return;
        }
        Object extreme = other.getField(offset);
        if (extreme != null && better(extreme, acc.getField(offset))) {
            acc.setField(offset, extreme);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean better(Object candidate, Object current) {
        if (current == null) {
            return true;
        }
        int order = ((Comparable) candidate).compareTo(current);
        return max ? order > 0 : order < 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Long> counts(Row acc, int offset) {
        return (Map<Object, Long>) acc.getField(offset + 1);
    }

    @Override
    public Object result(Row acc, int offset) {
        return acc.getField(offset);
    }
}
