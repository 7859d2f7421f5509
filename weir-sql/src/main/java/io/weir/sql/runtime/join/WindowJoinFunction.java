package io.weir.sql.runtime.join;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.TimerService;
import io.weir.api.metrics.Counter;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A window join: two inputs carrying window bounds, joined on {@code window_start}, {@code window_end}
 * and further keys, all of which the inputs are keyed by, so one key holds one window's rows of
 * both sides. Each side's rows wait in state until the watermark passes the window's end; then the
 * window is joined at once and forgotten, and the result is append-only:
 * <ul>
 *   <li>inner and outer joins emit each pair that passes the remaining condition as {@code +I}; an
 *       outer join also emits each row of a preserved side that found no partner, padded with nulls;</li>
 *   <li>a semi join ({@code IN}/{@code EXISTS}) emits each left row that found a partner, an anti join
 *       ({@code NOT IN}/{@code NOT EXISTS}) each that found none, once, as the left row alone.</li>
 * </ul>
 * A key with a null in a {@code =} key field joins nothing (its rows of preserved sides are padded).
 * A row that arrives after the watermark has passed its window's end is late: dropped and counted in
 * {@code numLateRecordsDropped}.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class WindowJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Which rows a window join emits. */
    public enum Type { INNER, LEFT, RIGHT, FULL, SEMI, ANTI }

    /**
     * @param leftWindowEnd the left input's {@code window_end} field
     * @param rightWindowEnd the right input's {@code window_end} field
     * @param nullRejectingKeys the key positions compared with {@code =} (a null there matches nothing)
     * @param residualClass the generated program of the condition left after the keys, on the joined
     *     row (left fields, then right fields), returning null when it fails; null if there is none
     */
    public record Spec(Type type, int leftWindowEnd, int rightWindowEnd, RowTypeInfo leftType,
            RowTypeInfo rightType, boolean[] nullRejectingKeys, String residualClass, String residualSource)
            implements Serializable {
    }

    private final Spec spec;
    /** The session time zone of wall-time windows (a TIMESTAMP_LTZ rowtime's); null for windows of a TIMESTAMP. */
    private final java.time.ZoneId zone;
    private transient RowProgram residual;
    private transient ValueState<List<Row>> leftRows;
    private transient ValueState<List<Row>> rightRows;
    private transient Counter lateRowsDropped;

    public WindowJoinFunction(Spec spec) {
        this(spec, null);
    }

    /** @param zone the session time zone the windows of a {@code TIMESTAMP_LTZ} rowtime are wall times in, else null */
    public WindowJoinFunction(Spec spec, java.time.ZoneId zone) {
        this.spec = spec;
        this.zone = zone;
    }

    @Override
    public void open(OpenContext openContext) {
        residual = spec.residualClass() == null ? null : CompiledCalc.compile(spec.residualClass(), spec.residualSource());
        leftRows = getRuntimeContext().getState(new ValueStateDescriptor<>("window-left-rows",
                new ListTypeInfo<>(spec.leftType())));
        rightRows = getRuntimeContext().getState(new ValueStateDescriptor<>("window-right-rows",
                new ListTypeInfo<>(spec.rightType())));
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        keep(row, leftRows, spec.leftWindowEnd(), ctx.timerService());
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        keep(row, rightRows, spec.rightWindowEnd(), ctx.timerService());
    }

    private void keep(Row row, ValueState<List<Row>> side, int windowEndField, TimerService timers) throws Exception {
        long fireAt = WindowTableFunction.fireTime(WindowTableFunction.rowtimeMillis(row.getField(windowEndField)), zone);
        if (fireAt <= timers.currentWatermark()) {
            lateRowsDropped.inc();
            return;
        }
        List<Row> rows = side.value();
        if (rows == null) {
            rows = new ArrayList<>();
        }
        rows.add(row);
        side.update(rows);
        timers.registerEventTimeTimer(fireAt); // both sides may set it; a timer is set once per time and key
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Row> left = orEmpty(leftRows.value());
        List<Row> right = orEmpty(rightRows.value());
        leftRows.clear();
        rightRows.clear();
        boolean matchable = !hasRejectedNull(ctx.getCurrentKey());
        boolean[] rightMatched = new boolean[right.size()];
        for (Row l : left) {
            boolean matched = false;
            for (int r = 0; matchable && r < right.size(); r++) {
                Row joined = joined(l, right.get(r));
                if (residual != null && residual.apply(joined) == null) {
                    continue;
                }
                matched = true;
                rightMatched[r] = true;
                if (spec.type() != Type.SEMI && spec.type() != Type.ANTI) {
                    out.collect(joined);
                }
            }
            emitLeftAlone(l, matched, out);
        }
        if (spec.type() == Type.RIGHT || spec.type() == Type.FULL) {
            for (int r = 0; r < right.size(); r++) {
                if (!rightMatched[r]) {
                    out.collect(joined(null, right.get(r)));
                }
            }
        }
    }

    /** The row a left row gives on its own: padded (LEFT, FULL) if unmatched, itself for SEMI/ANTI. */
    private void emitLeftAlone(Row left, boolean matched, Collector<Row> out) {
        switch (spec.type()) {
            case LEFT, FULL -> {
                if (!matched) {
                    out.collect(joined(left, null));
                }
            }
            case SEMI, ANTI -> {
                if (matched == (spec.type() == Type.SEMI)) {
                    Row copy = Row.copy(left);
                    copy.setKind(RowKind.INSERT);
                    out.collect(copy);
                }
            }
            default -> {
            }
        }
    }

    private static List<Row> orEmpty(List<Row> rows) {
        return rows == null ? List.of() : rows;
    }

    private boolean hasRejectedNull(Row key) {
        return JoinedRows.hasRejectedNull(spec.nullRejectingKeys(), key);
    }

    private Row joined(Row left, Row right) {
        return JoinedRows.joined(RowKind.INSERT, left, spec.leftType().getArity(), right, spec.rightType().getArity());
    }
}
