package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.agg.Accumulators;

/**
 * A window aggregate ({@code GROUP BY window_start, window_end, ...} over a window table function,
 * or the legacy {@code GROUP BY TUMBLE(ts, size)}):
 * keyed by the grouping fields, window bounds included, it accumulates a window's rows and emits
 * one {@code +I} row when the watermark passes the window's end (an event-time timer at
 * {@code window_end - 1}), then forgets the window. The result is append-only.
 *
 * <p>A row that arrives after the watermark has passed its window's end is late and dropped, as
 * Flink drops it, and counted in the operator's {@code numLateRecordsDropped} metric.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class WindowAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final int windowKeyField;
    private final long windowEndOffset;
    /** The session time zone of wall-time windows (a TIMESTAMP_LTZ rowtime's); null for windows of a TIMESTAMP. */
    private final java.time.ZoneId zone;
    private transient ValueState<Row> state;
    private transient Counter lateRowsDropped;

    /**
     * @param windowKeyField the position in the grouping key of {@code window_end} (window table
     *     functions) or of the window's start (legacy {@code GROUP BY TUMBLE(ts, size)})
     * @param windowEndOffset what to add to that field to get the window's end: 0, or the size
     */
    public WindowAggregateFunction(Accumulators accumulators, int windowKeyField, long windowEndOffset) {
        this(accumulators, windowKeyField, windowEndOffset, null);
    }

    /**
     * @param zone the session time zone the windows of a {@code TIMESTAMP_LTZ} rowtime are wall times in
     *     (they fire at the instant of their last millisecond, {@link WindowTableFunction#fireTime}); null
     *     for windows of a {@code TIMESTAMP}
     */
    public WindowAggregateFunction(Accumulators accumulators, int windowKeyField, long windowEndOffset,
            java.time.ZoneId zone) {
        this.zone = zone;
        this.accumulators = accumulators;
        this.windowKeyField = windowKeyField;
        this.windowEndOffset = windowEndOffset;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        accumulators.open(getRuntimeContext());
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("window-accumulators",
                accumulators.accumulatorType()));
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        long fireAt = WindowTableFunction.fireTime(
                WindowTableFunction.rowtimeMillis(ctx.getCurrentKey().getField(windowKeyField)) + windowEndOffset, zone);
        if (fireAt <= ctx.timerService().currentWatermark()) {
            lateRowsDropped.inc();
            return;
        }
        Row acc = state.value();
        if (acc == null) {
            acc = accumulators.create();
            ctx.timerService().registerEventTimeTimer(fireAt);
        }
        accumulators.accumulate(acc, input);
        state.update(acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row acc = state.value();
        if (acc == null) {
            return;
        }
        state.clear();
        out.collect(accumulators.output(RowKind.INSERT, ctx.getCurrentKey(), acc));
    }
}
