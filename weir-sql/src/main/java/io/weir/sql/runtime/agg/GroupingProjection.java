package io.weir.sql.runtime.agg;

import io.weir.api.functions.MapFunction;
import io.weir.api.types.Row;

/**
 * The second half of {@code GROUP BY GROUPING SETS (...)}: turns the group aggregate's rows
 * (grouping fields, the set's number {@code $e}, the aggregates' values) into the aggregate's
 * (grouping fields, then every call in order), computing {@code GROUPING(a, ...)} and
 * {@code GROUPING_ID(a, ...)} from the set: one bit per argument, most significant first, 1 where
 * the argument is not in the set (rolled up). The change kind is kept.
 */
public final class GroupingProjection implements MapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int keyCount;
    /** Per call: the aggregate value's position after {@code $e}, or -1 for a GROUPING call. */
    private final int[] valuePositions;
    /** Per call and grouping set: the GROUPING value (unused for other calls). */
    private final Object[][] groupingValues;

    /**
     * @param keyCount the number of grouping fields
     * @param valuePositions per call, where its value is among the aggregate's values, or -1 for GROUPING
     * @param groupingValues per call (GROUPING calls) and grouping set, the call's value
     */
    public GroupingProjection(int keyCount, int[] valuePositions, Object[][] groupingValues) {
        this.keyCount = keyCount;
        this.valuePositions = valuePositions;
        this.groupingValues = groupingValues;
    }

    @Override
    public Row map(Row row) {
        Row out = new Row(row.getKind(), keyCount + valuePositions.length);
        for (int i = 0; i < keyCount; i++) {
            out.setField(i, row.getField(i));
        }
        int set = (Integer) row.getField(keyCount);
        for (int c = 0; c < valuePositions.length; c++) {
            out.setField(keyCount + c, valuePositions[c] < 0 ? groupingValues[c][set]
                    : row.getField(keyCount + 1 + valuePositions[c]));
        }
        return out;
    }
}
