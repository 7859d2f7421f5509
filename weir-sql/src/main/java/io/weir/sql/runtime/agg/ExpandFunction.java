package io.weir.sql.runtime.agg;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.types.Row;

/**
 * The first half of {@code GROUP BY GROUPING SETS (...)} ({@code ROLLUP}, {@code CUBE}), as Flink's
 * Expand: each row (of any change kind, so retractions are expanded too) goes out once per grouping
 * set, with the grouping fields outside that set set to NULL and the set's number appended as a last
 * field ({@code $e}). The group aggregate after it keys by the grouping fields and {@code $e}, so a
 * set's NULL stays apart from a NULL value of the column.
 */
public final class ExpandFunction implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Per grouping set, the input fields it sets to NULL. */
    private final int[][] nulledFields;

    public ExpandFunction(int[][] nulledFields) {
        this.nulledFields = nulledFields;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        int arity = row.getArity();
        for (int set = 0; set < nulledFields.length; set++) {
            Row copy = new Row(row.getKind(), arity + 1);
            for (int i = 0; i < arity; i++) {
                copy.setField(i, row.getField(i));
            }
            for (int field : nulledFields[set]) {
                copy.setField(field, null);
            }
            copy.setField(arity, set);
            out.collect(copy);
        }
    }
}
