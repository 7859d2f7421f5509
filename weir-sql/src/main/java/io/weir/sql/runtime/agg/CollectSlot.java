package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.MapTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COLLECT(x), as Flink computes it: the MULTISET of the non-null values, held as each value's count
 * (Weir's MULTISET value, a map from element to count; like any map, in no defined order). NULLs
 * are skipped; a group with only NULLs gives the empty multiset. A retraction lowers the value's
 * count and drops it at zero; merging adds counts, so COLLECT runs in sliced windows and in two
 * phases. A partial accumulator may hold a negative count (a value retracted that an earlier batch
 * counted); the result shows only positive counts.
 */
public final class CollectSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<?> elementType;

    public CollectSlot(TypeInformation<?> elementType) {
        this.elementType = elementType;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(new MapTypeInfo<>(elementType, BasicTypeInfo.INT_TYPE_INFO));
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, new LinkedHashMap<Object, Integer>());
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        add(counts(acc, offset), value, 1);
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        add(counts(acc, offset), value, -1);
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        Map<Object, Integer> counts = counts(acc, offset);
        counts(other, offset).forEach((value, count) -> add(counts, value, count));
    }

    private static void add(Map<Object, Integer> counts, Object value, int delta) {
        int count = counts.getOrDefault(value, 0) + delta;
        if (count == 0) {
            counts.remove(value);
        } else {
            counts.put(value, count);
        }
    }

    @Override
    public Object result(Row acc, int offset) {
        Map<Object, Integer> result = new LinkedHashMap<>();
        counts(acc, offset).forEach((value, count) -> {
            if (count > 0) {
                result.put(value, count);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Integer> counts(Row acc, int offset) {
        return (Map<Object, Integer>) acc.getField(offset);
    }
}
