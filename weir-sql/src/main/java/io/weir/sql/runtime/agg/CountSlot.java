package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.List;

/** COUNT(*) and COUNT(x): one {@code long} field; never null (0 for no rows). */
public final class CountSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(BasicTypeInfo.LONG_TYPE_INFO);
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, 0L);
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        acc.setField(offset, (Long) acc.getField(offset) + 1);
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        acc.setField(offset, (Long) acc.getField(offset) - 1);
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        acc.setField(offset, (Long) acc.getField(offset) + (Long) other.getField(offset));
    }

    @Override
    public Object result(Row acc, int offset) {
        return acc.getField(offset);
    }
}
