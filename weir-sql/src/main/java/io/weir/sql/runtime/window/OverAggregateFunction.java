package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.agg.Accumulators;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An event-time OVER aggregate: {@code agg(x) OVER (PARTITION BY k ORDER BY rowtime ROWS|RANGE BETWEEN
 * ... PRECEDING AND CURRENT ROW)}. Keyed by the partition, it holds rows back until the watermark
 * passes their time, then takes them in time order (rows of one time in arrival order) and emits each
 * once ({@code +I}), followed by its aggregates over its frame, as Flink does:
 * <ul>
 *   <li>{@code ROWS BETWEEN n PRECEDING}: the row and the n rows before it;</li>
 *   <li>{@code RANGE BETWEEN INTERVAL d PRECEDING}: the rows whose time is within d before the row's
 *       time, including every row of the row's own time;</li>
 *   <li>{@code UNBOUNDED PRECEDING}: all rows before (for RANGE, all rows up to and of the row's time).</li>
 * </ul>
 * Bounded frames keep the rows a later frame can still reach and aggregate each frame afresh;
 * unbounded ones keep one running accumulator. A row no later than the watermark when it arrives is
 * late: dropped and counted in {@code numLateRecordsDropped}. The result is append-only.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class OverAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * @param rows ROWS (else RANGE)
     * @param preceding how many rows (ROWS) or milliseconds (RANGE) the frame reaches back; negative for UNBOUNDED
     */
    public record Spec(Accumulators accumulators, int timeField, boolean rows, long preceding, RowTypeInfo rowType)
            implements Serializable {
    }

    private final Spec spec;
    private transient MapState<Long, List<Row>> pending;
    private transient ValueState<List<Row>> history;
    private transient ValueState<Row> running;
    private transient Counter lateRowsDropped;

    public OverAggregateFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        spec.accumulators().open(getRuntimeContext());
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("over-pending-rows",
                BasicTypeInfo.LONG_TYPE_INFO, new ListTypeInfo<>(spec.rowType())));
        history = getRuntimeContext().getState(new ValueStateDescriptor<>("over-frame-rows",
                new ListTypeInfo<>(spec.rowType())));
        running = getRuntimeContext().getState(new ValueStateDescriptor<>("over-accumulators",
                spec.accumulators().accumulatorType()));
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void close() throws Exception {
        spec.accumulators().close();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Object time = input.getField(spec.timeField());
        if (time == null) {
            return;
        }
        long ts = WindowTableFunction.rowtimeMillis(time);
        if (ts <= ctx.timerService().currentWatermark()) {
            lateRowsDropped.inc();
            return;
        }
        List<Row> rows = pending.get(ts);
        if (rows == null) {
            rows = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(ts);
        }
        rows.add(input);
        pending.put(ts, rows);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Row> rows = pending.get(timestamp);
        if (rows == null) {
            return;
        }
        pending.remove(timestamp);
        if (spec.preceding() < 0) {
            emitUnbounded(rows, out);
        } else {
            emitBounded(timestamp, rows, out);
        }
    }

    private void emitUnbounded(List<Row> rows, Collector<Row> out) throws Exception {
        Row acc = running.value();
        if (acc == null) {
            acc = spec.accumulators().create();
        }
        if (!spec.rows()) {
            for (Row row : rows) {
                spec.accumulators().accumulate(acc, row);
            }
        }
        for (Row row : rows) {
            if (spec.rows()) {
                spec.accumulators().accumulate(acc, row);
            }
            out.collect(spec.accumulators().output(RowKind.INSERT, row, acc));
        }
        running.update(acc);
    }

    private void emitBounded(long timestamp, List<Row> rows, Collector<Row> out) throws Exception {
        List<Row> frame = history.value();
        if (frame == null) {
            frame = new ArrayList<>();
        }
        if (!spec.rows()) {
            frame.addAll(rows);
            frame.removeIf(row -> time(row) < timestamp - spec.preceding());
            Row acc = aggregate(frame);
            for (Row row : rows) {
                out.collect(spec.accumulators().output(RowKind.INSERT, row, acc));
            }
        } else {
            for (Row row : rows) {
                frame.add(row);
                while (frame.size() > spec.preceding() + 1) {
                    frame.remove(0);
                }
                out.collect(spec.accumulators().output(RowKind.INSERT, row, aggregate(frame)));
            }
        }
        history.update(frame);
    }

    private Row aggregate(List<Row> frame) {
        Row acc = spec.accumulators().create();
        for (Row row : frame) {
            spec.accumulators().accumulate(acc, row);
        }
        return acc;
    }

    private long time(Row row) {
        return WindowTableFunction.rowtimeMillis(row.getField(spec.timeField()));
    }
}
