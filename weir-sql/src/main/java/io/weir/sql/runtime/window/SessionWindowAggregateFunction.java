package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.agg.Accumulators;

/**
 * A session window aggregate (legacy {@code GROUP BY k, SESSION(ts, gap)}): keyed by the grouping
 * fields other than the session, it keeps each open session's rows. A row at time {@code t} opens
 * the window {@code [t, t + gap)}; windows that overlap or touch merge into one session, as in
 * Flink ({@link OpenSessions}). When the watermark passes a session's end, the session's rows are
 * aggregated and one {@code +I} row is emitted whose session key field holds the session's start;
 * the session is then forgotten. The result is append-only. A row whose session would already have
 * ended at the current watermark is late: dropped and counted in {@code numLateRecordsDropped}.
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
    private transient OpenSessions sessions;
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
        sessions = new OpenSessions(getRuntimeContext(), gap, rowType);
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Object time = input.getField(groupFields[sessionKey]);
        if (time != null && !sessions.add(input, WindowTableFunction.rowtimeMillis(time),
                ctx.timerService())) {
            lateRowsDropped.inc();
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        sessions.fireEnded(timestamp, (start, end, rows) -> {
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
        });
    }
}
