package io.weir.sql.runtime.rank;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Window Top-N and window deduplication: {@code ROW_NUMBER()} (or {@code RANK()}, {@code DENSE_RANK()})
 * {@code OVER (PARTITION BY window_start, window_end [, k] ORDER BY ...)} filtered by {@code rn <= N},
 * over the rows of a window table function or a window aggregate. Keyed by the partition (so one
 * window per key), it keeps the window's best rows sorted, at most those whose number is within N,
 * and emits them as {@code +I} rows, each followed by its number ({@code BIGINT}), when the
 * watermark passes the window's end; then it forgets the window. The result is append-only: no row
 * is emitted before its window is complete, so none is ever retracted. Rows equal in the order keep
 * their arrival order.
 *
 * <p>A row that arrives after the watermark has passed its window's end is late: dropped and counted in
 * {@code numLateRecordsDropped}.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class WindowRankFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * @param windowEndField the input field holding {@code window_end}
     * @param limit N: the largest number a row of the result has
     */
    public record Spec(RowOrder order, RankKind kind, long limit, int windowEndField, RowTypeInfo rowType)
            implements Serializable {
    }

    private final Spec spec;
    /** The session time zone of wall-time windows (a TIMESTAMP_LTZ rowtime's); null for windows of a TIMESTAMP. */
    private final java.time.ZoneId zone;
    private transient ValueState<List<Row>> best;
    private transient Counter lateRowsDropped;

    public WindowRankFunction(Spec spec) {
        this(spec, null);
    }

    /** @param zone the session time zone the windows of a {@code TIMESTAMP_LTZ} rowtime are wall times in, else null */
    public WindowRankFunction(Spec spec, java.time.ZoneId zone) {
        this.spec = spec;
        this.zone = zone;
    }

    @Override
    public void open(OpenContext openContext) {
        best = getRuntimeContext().getState(new ValueStateDescriptor<>("window-best-rows",
                new ListTypeInfo<>(spec.rowType())));
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        long fireAt = WindowTableFunction.fireTime(WindowTableFunction.rowtimeMillis(input.getField(spec.windowEndField())),
                zone);
        if (fireAt <= ctx.timerService().currentWatermark()) {
            lateRowsDropped.inc();
            return;
        }
        List<Row> rows = best.value();
        if (rows == null) {
            rows = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(fireAt);
        }
        rows.add(RankedRows.insertionPoint(rows, input, spec.order()), input);
        RankedRows.trim(rows, spec.order(), spec.kind(), spec.limit());
        best.update(rows);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Row> rows = best.value();
        best.clear();
        if (rows == null) {
            return;
        }
        for (Row numbered : RankedRows.numbered(rows, spec.order(), spec.kind(), spec.limit())) {
            out.collect(numbered);
        }
    }
}
