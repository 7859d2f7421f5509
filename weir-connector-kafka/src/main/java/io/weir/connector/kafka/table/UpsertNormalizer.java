package io.weir.connector.kafka.table;

import io.weir.api.functions.OpenContext;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import java.util.Objects;

/**
 * Turns an upsert stream (each record the latest row of its key, a tombstone deleting it) into a full
 * changelog, as Flink's ChangelogNormalize does: keeps the last row per key (keyed state, so it is in
 * checkpoints) and emits {@code +I} for a new key, {@code -U old} then {@code +U new} for a changed
 * one, {@code -D old} for a delete of a known key. A repeated identical row, or a delete of an
 * unknown key, emits nothing, so downstream aggregates see each change once.
 */
final class UpsertNormalizer extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final RowTypeInfo rowType;
    private transient ValueState<Row> last;

    UpsertNormalizer(RowTypeInfo rowType) {
        this.rowType = rowType;
    }

    @Override
    public void open(OpenContext openContext) {
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last row of the key", rowType));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        Row previous = last.value();
        if (row.getKind() == RowKind.DELETE) {
            if (previous != null) {
                out.collect(withKind(previous, RowKind.DELETE));
                last.clear();
            }
            return;
        }
        Row current = withKind(row, RowKind.INSERT);
        if (previous == null) {
            out.collect(current);
        } else if (!sameFields(previous, current)) {
            out.collect(withKind(previous, RowKind.UPDATE_BEFORE));
            out.collect(withKind(current, RowKind.UPDATE_AFTER));
        } else {
            return;
        }
        last.update(current);
    }

    private static Row withKind(Row row, RowKind kind) {
        Row copy = Row.copy(row);
        copy.setKind(kind);
        return copy;
    }

    private static boolean sameFields(Row a, Row b) {
        for (int i = 0; i < a.getArity(); i++) {
            if (!Objects.deepEquals(a.getField(i), b.getField(i))) {
                return false;
            }
        }
        return true;
    }
}
