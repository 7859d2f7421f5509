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

    public RetractableMinMaxSlot(TypeInformation<?> valueType, boolean max) {
        this.valueType = valueType;
        this.max = max;
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
        if (count == null) {
            return; // retracting a value never accumulated (e.g. expired state): nothing to take back
        }
        if (count > 1) {
            counts.put(value, count - 1);
            return;
        }
        counts.remove(value);
        if (value.equals(acc.getField(offset))) {
            Object extreme = null;
            for (Object candidate : counts.keySet()) {
                if (better(candidate, extreme)) {
                    extreme = candidate;
                }
            }
            acc.setField(offset, extreme);
        }
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        Map<Object, Long> counts = counts(acc, offset);
        counts(other, offset).forEach((value, count) -> counts.merge(value, count, Long::sum));
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
