package io.weir.sql.runtime.join;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import java.time.Duration;
import java.util.Map;

/**
 * The rows one join input has sent for the current key: a multiset (row → how many copies) that
 * also counts, per row, how many rows of the other input it joins with (its associations). The
 * count of associations is what an outer join needs to know when a row stops or starts being
 * padded with nulls. Rows are stored as {@code +I} rows; a row's change kind is not part of it.
 *
 * <p>Threading: used by the join's task thread only, like the keyed state behind it.
 */
final class JoinRecords {

    private static final RowTypeInfo COUNTS = new RowTypeInfo(BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO);

    private final MapState<Row, Row> rows;

    JoinRecords(RuntimeContext context, String name, RowTypeInfo rowType, Duration stateTtl) {
        MapStateDescriptor<Row, Row> descriptor = new MapStateDescriptor<>(name, rowType, COUNTS);
        if (!stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        this.rows = context.getMapState(descriptor);
    }

    /** The stored rows with their counts: each entry's value is {@code [copies, associations]}. */
    Iterable<Map.Entry<Row, Row>> entries() throws Exception {
        return rows.entries();
    }

    /** Adds one copy of {@code row}, which joins with {@code associations} rows of the other input. */
    void add(Row row, long associations) throws Exception {
        Row stored = asInsert(row);
        Row counts = rows.get(stored);
        if (counts == null) {
            rows.put(stored, Row.of(1L, associations));
        } else {
            rows.put(stored, Row.of((Long) counts.getField(0) + 1, associations));
        }
    }

    /** Removes one copy of {@code row}; a row that is not stored (never sent, or expired) is ignored. */
    void remove(Row row) throws Exception {
        Row stored = asInsert(row);
        Row counts = rows.get(stored);
        if (counts == null) {
            return;
        }
        long copies = (Long) counts.getField(0);
        if (copies <= 1) {
            rows.remove(stored);
        } else {
            rows.put(stored, Row.of(copies - 1, counts.getField(1)));
        }
    }

    /** Sets the associations of a stored row (one returned by {@link #entries}). */
    void setAssociations(Row stored, long copies, long associations) throws Exception {
        rows.put(stored, Row.of(copies, associations));
    }

    /** Removes every stored row (all its copies) that {@code expired} accepts. */
    void removeIf(java.util.function.Predicate<Row> expired) throws Exception {
        java.util.List<Row> gone = new java.util.ArrayList<>();
        for (Row row : rows.keys()) {
            if (expired.test(row)) {
                gone.add(row);
            }
        }
        for (Row row : gone) {
            rows.remove(row);
        }
    }

    private static Row asInsert(Row row) {
        if (row.getKind() == RowKind.INSERT) {
            return row;
        }
        Row copy = Row.copy(row);
        copy.setKind(RowKind.INSERT);
        return copy;
    }
}
