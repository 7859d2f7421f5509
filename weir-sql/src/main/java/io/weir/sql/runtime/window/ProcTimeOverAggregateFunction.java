package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
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
import java.util.Map;

/**
 * A processing-time OVER aggregate: {@code agg(x) OVER (PARTITION BY k ORDER BY pt ROWS|RANGE BETWEEN
 * ... PRECEDING AND CURRENT ROW)} where {@code pt} is {@code PROCTIME()}. Keyed by the partition, the
 * rows are in the order they arrive at the operator, and a row's time is the operator's clock then
 * (not the {@code pt} value an operator before the exchange computed), as in Flink:
 * <ul>
 *   <li>{@code ROWS BETWEEN n PRECEDING}: each row is emitted when it arrives, with the aggregates of
 *       itself and the n rows that arrived before it (kept in state);</li>
 *   <li>{@code UNBOUNDED PRECEDING} (ROWS or RANGE): each row is emitted when it arrives, with the
 *       running aggregates of every row so far;</li>
 *   <li>{@code RANGE BETWEEN INTERVAL d PRECEDING}: the rows of one millisecond wait until the clock
 *       passes it (a timer 1 ms later), then are emitted with the aggregates of the rows that arrived
 *       within d before it, that millisecond's included.</li>
 * </ul>
 * The result is append-only; the watermark plays no part and no row is late. Results depend on when
 * rows are processed, as in Flink.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class ProcTimeOverAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * @param rows ROWS (else RANGE)
     * @param preceding how many rows (ROWS) or milliseconds (RANGE) the frame reaches back; negative for UNBOUNDED
     */
    public record Spec(Accumulators accumulators, boolean rows, long preceding, RowTypeInfo rowType)
            implements Serializable {
    }

    private final Spec spec;
    /** UNBOUNDED: the running accumulator. */
    private transient ValueState<Row> running;
    /** ROWS n PRECEDING: the last n rows. */
    private transient ValueState<List<Row>> lastRows;
    /** RANGE d PRECEDING: the rows by the millisecond they arrived in, those a later frame can reach. */
    private transient MapState<Long, List<Row>> rowsByTime;

    public ProcTimeOverAggregateFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        spec.accumulators().open(getRuntimeContext());
        running = getRuntimeContext().getState(new ValueStateDescriptor<>("proctime-over-accumulators",
                spec.accumulators().accumulatorType()));
        lastRows = getRuntimeContext().getState(new ValueStateDescriptor<>("proctime-over-last-rows",
                new ListTypeInfo<>(spec.rowType())));
        rowsByTime = getRuntimeContext().getMapState(new MapStateDescriptor<>("proctime-over-rows-by-time",
                BasicTypeInfo.LONG_TYPE_INFO, new ListTypeInfo<>(spec.rowType())));
    }

    @Override
    public void close() throws Exception {
        spec.accumulators().close();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        if (spec.preceding() < 0) {
            Row acc = running.value();
            if (acc == null) {
                acc = spec.accumulators().create();
            }
            spec.accumulators().accumulate(acc, input);
            running.update(acc);
            out.collect(spec.accumulators().output(RowKind.INSERT, input, acc));
        } else if (spec.rows()) {
            List<Row> frame = lastRows.value();
            if (frame == null) {
                frame = new ArrayList<>();
            }
            frame.add(input);
            while (frame.size() > spec.preceding() + 1) {
                frame.remove(0);
            }
            out.collect(spec.accumulators().output(RowKind.INSERT, input, aggregate(frame)));
            if (spec.preceding() == 0) {
                lastRows.clear();
            } else {
                lastRows.update(frame);
            }
        } else {
            long now = ctx.timerService().currentProcessingTime();
            List<Row> rows = rowsByTime.get(now);
            if (rows == null) {
                rows = new ArrayList<>();
                ctx.timerService().registerProcessingTimeTimer(now + 1);
            }
            rows.add(input);
            rowsByTime.put(now, rows);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long time = timestamp - 1;
        List<Row> rows = rowsByTime.get(time);
        if (rows == null) {
            return;
        }
        Row acc = spec.accumulators().create();
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, List<Row>> entry : rowsByTime.entries()) {
            long arrived = entry.getKey();
            if (arrived < time - spec.preceding()) {
                expired.add(arrived);
            } else if (arrived <= time) {
                for (Row row : entry.getValue()) {
                    spec.accumulators().accumulate(acc, row);
                }
            }
        }
        for (Long arrived : expired) {
            rowsByTime.remove(arrived);
        }
        for (Row row : rows) {
            out.collect(spec.accumulators().output(RowKind.INSERT, row, acc));
        }
    }

    private Row aggregate(List<Row> frame) {
        Row acc = spec.accumulators().create();
        for (Row row : frame) {
            spec.accumulators().accumulate(acc, row);
        }
        return acc;
    }
}
