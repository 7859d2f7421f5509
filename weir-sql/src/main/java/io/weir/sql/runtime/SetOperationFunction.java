package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import java.time.Duration;

/**
 * {@code INTERSECT [ALL]} and {@code EXCEPT [ALL]} (the Table API's {@code intersect}, {@code minus}):
 * both inputs keyed by the whole row, so equal rows (nulls equal too, as in SQL's set operations)
 * meet in one key, whose state is how many copies each side holds. A change on either side
 * changes how many copies the result holds, and the difference is emitted: {@code +I} rows for
 * more, {@code -D} rows for fewer. The result holds, per row with {@code l} copies left and
 * {@code r} right:
 * <ul>
 *   <li>{@code INTERSECT}: one copy if {@code l > 0} and {@code r > 0};</li>
 *   <li>{@code INTERSECT ALL}: {@code min(l, r)} copies;</li>
 *   <li>{@code EXCEPT}: one copy if {@code l > 0} and {@code r == 0};</li>
 *   <li>{@code EXCEPT ALL}: {@code max(l - r, 0)} copies.</li>
 * </ul>
 * Counts only grow on append-only inputs, so an INTERSECT of those emits {@code +I} rows only.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class SetOperationFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /** The four set operations. */
    public enum Kind { INTERSECT, INTERSECT_ALL, EXCEPT, EXCEPT_ALL }

    private final Kind kind;
    private final Duration stateTtl;
    /** The copies of the key's row on the left and the right, as a row (BIGINT, BIGINT). */
    private transient ValueState<Row> counts;

    /** @param stateTtl how long a row's counts are kept without changes; zero keeps them forever */
    public SetOperationFunction(Kind kind, Duration stateTtl) {
        this.kind = kind;
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Row> descriptor = new ValueStateDescriptor<>("set-operation-counts",
                new RowTypeInfo(BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO));
        if (!stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        counts = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        change(ctx.getCurrentKey(), adds(row) ? 1 : -1, 0, out);
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        change(ctx.getCurrentKey(), 0, adds(row) ? 1 : -1, out);
    }

    private void change(Row key, long leftDelta, long rightDelta, Collector<Row> out) throws Exception {
        Row state = counts.value();
        long left = state == null ? 0 : (Long) state.getField(0);
        long right = state == null ? 0 : (Long) state.getField(1);
        long before = copies(left, right);
        left += leftDelta;
        right += rightDelta;
        long after = copies(left, right);
        if (left == 0 && right == 0) {
            counts.clear();
        } else {
            counts.update(Row.of(left, right));
        }
        RowKind emitted = after > before ? RowKind.INSERT : RowKind.DELETE;
        for (long i = Math.abs(after - before); i > 0; i--) {
            Row copy = Row.copy(key);
            copy.setKind(emitted);
            out.collect(copy);
        }
    }

    /** How many copies of a row the result holds with {@code left} and {@code right} copies in the inputs. */
    private long copies(long left, long right) {
        return switch (kind) {
            case INTERSECT -> left > 0 && right > 0 ? 1 : 0;
            case INTERSECT_ALL -> Math.max(Math.min(left, right), 0);
            case EXCEPT -> left > 0 && right <= 0 ? 1 : 0;
            case EXCEPT_ALL -> Math.max(left - right, 0);
        };
    }

    private static boolean adds(Row row) {
        return row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
    }
}
