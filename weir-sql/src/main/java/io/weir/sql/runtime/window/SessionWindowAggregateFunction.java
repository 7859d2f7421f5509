package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.runtime.agg.Accumulators;
import java.util.List;

/**
 * A session window aggregate (legacy {@code GROUP BY k, SESSION(ts, gap)}): keyed by the grouping
 * fields other than the session, it keeps each open session's accumulator, merging the
 * accumulators of sessions a row joins; when an aggregate cannot merge (a user-defined aggregate
 * without {@code merge}, a floating point SUM) it keeps the session's rows and aggregates them at the end. A row at time {@code t} opens
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
    private transient OpenSessions<Object> sessions;
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
    public void open(OpenContext openContext) throws Exception {
        accumulators.open(getRuntimeContext());
        sessions = new OpenSessions<>(getRuntimeContext(), gap, contents());
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
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
        Row groupKey = ctx.getCurrentKey();
        sessions.fireEnded(timestamp, (start, end, contents) -> {
            Row acc;
            if (contents instanceof Row accumulated) {
                acc = accumulated;
            } else {
                acc = accumulators.create();
                for (Object row : (List<?>) contents) {
                    accumulators.accumulate(acc, (Row) row);
                }
            }
            Row key = new Row(RowKind.INSERT, groupFields.length);
            for (int i = 0, k = 0; i < groupFields.length; i++) {
                key.setField(i, i == sessionKey ? WindowTableFunction.toTimestamp(start) : groupKey.getField(k++));
            }
            out.collect(accumulators.output(RowKind.INSERT, key, acc));
        });
    }

    /** Accumulators when they merge, else the rows. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private OpenSessions.Contents<Object> contents() {
        OpenSessions.Contents<?> contents = accumulators.canMerge()
                ? new Accumulated(accumulators) : OpenSessions.rows(rowType);
        return (OpenSessions.Contents) contents;
    }

    private record Accumulated(Accumulators accumulators) implements OpenSessions.Contents<Row> {

        @Override
        public TypeInformation<Row> type() {
            return accumulators.accumulatorType();
        }

        @Override
        public Row create() {
            return accumulators.create();
        }

        @Override
        public void add(Row acc, Row row) {
            accumulators.accumulate(acc, row);
        }

        @Override
        public void merge(Row into, Row other) {
            accumulators.merge(into, other);
        }
    }
}
