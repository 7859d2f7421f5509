package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;

/**
 * Turns an upsert changelog ({@code +I}/{@code +U} overwrite the row of their primary key,
 * {@code -D} deletes it, no {@code -U}) into a full one, as Flink's ChangelogNormalize does: it
 * keeps the last row of each key and emits {@code +I} for a new key, {@code -U} of the old row then
 * {@code +U} for an overwrite (nothing if the row is unchanged), and {@code -D} of the stored row
 * for a delete (nothing for a key it does not hold). Keyed by the primary key.
 */
public final class ChangelogNormalize extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final RowTypeInfo rowType;
    private transient ValueState<Row> last;

    public ChangelogNormalize(RowTypeInfo rowType) {
        this.rowType = rowType;
    }

    @Override
    public void open(OpenContext openContext) {
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last-row", rowType));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        Row previous = last.value();
        if (row.getKind() == RowKind.DELETE || row.getKind() == RowKind.UPDATE_BEFORE) {
            if (previous != null) {
                last.clear();
                out.collect(copy(previous, RowKind.DELETE));
            }
            return;
        }
        Row current = copy(row, RowKind.INSERT);
        if (previous == null) {
            out.collect(current);
        } else if (!previous.equals(current)) {
            out.collect(copy(previous, RowKind.UPDATE_BEFORE));
            out.collect(copy(current, RowKind.UPDATE_AFTER));
        }
        last.update(current);
    }

    private static Row copy(Row row, RowKind kind) {
        Row copy = new Row(kind, row.getArity());
        for (int i = 0; i < row.getArity(); i++) {
            copy.setField(i, row.getField(i));
        }
        return copy;
    }
}
