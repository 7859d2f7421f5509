package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.agg.Accumulators;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session window aggregate (legacy {@code GROUP BY k, SESSION(ts, gap)}): keyed by the grouping
 * fields other than the session, it keeps each open session's rows. A row at time {@code t} opens
 * the window {@code [t, t + gap)}; windows that overlap or touch merge into one session, as in
 * Flink. When the watermark passes a session's end, the session's rows are aggregated and one
 * {@code +I} row is emitted whose session key field holds the session's start; the session is then
 * forgotten. The result is append-only. A row whose session would already have ended at the
 * current watermark is late: dropped and counted in {@code numLateRecordsDropped}.
 *
 * <p>Rows are kept rather than accumulated because two sessions can merge, and an accumulator
 * cannot be merged into another.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class SessionWindowAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final int[] groupFields;
    private final int sessionKey;
    private final long gap;
    private final RowTypeInfo rowType;
    private transient MapState<Long, Long> sessionEnds;
    private transient MapState<Long, List<Row>> sessionRows;
    private transient Counter lateRowsDropped;

    /**
     * @param groupFields the input fields the aggregate groups by, in the output's key order
     * @param sessionKey the position in {@code groupFields} of the session: the field holds the row's time
     * @param gap the session gap in ms
     * @param rowType the type of input rows, to keep them in state
     */
    public SessionWindowAggregateFunction(Accumulators accumulators, int[] groupFields, int sessionKey, long gap,
            RowTypeInfo rowType) {
        this.accumulators = accumulators;
        this.groupFields = groupFields.clone();
        this.sessionKey = sessionKey;
        this.gap = gap;
        this.rowType = rowType;
    }

    @Override
    public void open(OpenContext openContext) {
        sessionEnds = getRuntimeContext().getMapState(new MapStateDescriptor<>("session-ends",
                BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO));
        sessionRows = getRuntimeContext().getMapState(new MapStateDescriptor<>("session-rows",
                BasicTypeInfo.LONG_TYPE_INFO, new ListTypeInfo<>(rowType)));
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Object time = input.getField(groupFields[sessionKey]);
        if (time == null) {
            return;
        }
        long start = WindowTableFunction.toMillis((LocalDateTime) time);
        long end = start + gap;
        List<Long> merged = new ArrayList<>();
        for (Map.Entry<Long, Long> session : sessionEnds.entries()) {
            if (session.getKey() <= end && session.getValue() >= start) {
                merged.add(session.getKey());
                start = Math.min(start, session.getKey());
                end = Math.max(end, session.getValue());
            }
        }
        if (merged.isEmpty() && end - 1 <= ctx.timerService().currentWatermark()) {
            lateRowsDropped.inc();
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (Long mergedStart : merged) {
            rows.addAll(sessionRows.get(mergedStart));
            sessionRows.remove(mergedStart);
            sessionEnds.remove(mergedStart);
        }
        rows.add(input);
        sessionEnds.put(start, end);
        sessionRows.put(start, rows);
        ctx.timerService().registerEventTimeTimer(end - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Long> ended = new ArrayList<>();
        for (Map.Entry<Long, Long> session : sessionEnds.entries()) {
            if (session.getValue() - 1 <= timestamp) {
                ended.add(session.getKey());
            }
        }
        for (Long start : ended) {
            List<Row> rows = sessionRows.get(start);
            Row acc = accumulators.create();
            for (Row row : rows) {
                accumulators.accumulate(acc, row);
            }
            Row key = new Row(RowKind.INSERT, groupFields.length);
            for (int i = 0; i < groupFields.length; i++) {
                key.setField(i, rows.get(0).getField(groupFields[i]));
            }
            key.setField(sessionKey, WindowTableFunction.toTimestamp(start));
            out.collect(accumulators.output(RowKind.INSERT, key, acc));
            sessionEnds.remove(start);
            sessionRows.remove(start);
        }
    }
}
