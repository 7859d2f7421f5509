package io.weir.sql.runtime.agg;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.Row;
import java.util.Objects;

/**
 * The key of the first level of a split distinct aggregate ({@code table.optimizer.distinct-agg.split.enabled}):
 * the grouping fields, then a bucket of the distinct argument, {@code hash(value) mod buckets}, so
 * each distinct value is counted in one bucket only and a group's rows spread over up to
 * {@code buckets} keys. The hash is the value's {@code hashCode}, the same in every JVM for SQL's
 * value classes.
 */
public final class DistinctBucketKey implements KeySelector<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int[] fields;
    private final int distinctField;
    private final int buckets;

    public DistinctBucketKey(int[] fields, int distinctField, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("A split distinct aggregate needs at least one bucket, not " + buckets);
        }
        this.fields = fields.clone();
        this.distinctField = distinctField;
        this.buckets = buckets;
    }

    @Override
    public Row getKey(Row row) {
        Object[] values = new Object[fields.length + 1];
        for (int i = 0; i < fields.length; i++) {
            values[i] = row.getField(fields[i]);
        }
        values[fields.length] = Math.floorMod(Objects.hashCode(row.getField(distinctField)), buckets);
        return Row.of(values);
    }
}
