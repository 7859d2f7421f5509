package io.weir.sql.runtime.agg;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.Row;

/** The grouping key of a row: its fields at the grouping positions, as an INSERT row. */
public final class KeyProjection implements KeySelector<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int[] fields;

    public KeyProjection(int[] fields) {
        this.fields = fields.clone();
    }

    @Override
    public Row getKey(Row row) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = row.getField(fields[i]);
        }
        return Row.of(values);
    }
}
