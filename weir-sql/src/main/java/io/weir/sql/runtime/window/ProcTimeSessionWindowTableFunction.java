package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;

/**
 * The window table function {@code SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(pt), gap)} over a
 * processing-time attribute, selected from without a window aggregate: keyed by the partition keys
 * (all rows are one partition without them), it puts each row into its partition's session by the
 * operator's own clock when the row arrives ({@link ProcTimeSessions}) and keeps the session's rows.
 * When the clock reaches the session's end, each of its rows comes out once, in arrival order, with
 * the whole session's {@code window_start}, {@code window_end} (wall times of the session time zone)
 * and {@code window_time} (the end minus 1 ms) appended. Watermarks do not end sessions, and no row
 * is late. Sessions still open when a bounded input ends do not fire (as in Flink).
 *
 * <p>Threading: called by the task's thread only.
 */
public final class ProcTimeSessionWindowTableFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final long gap;
    private final RowTypeInfo rowType;
    /** The session time zone whose wall times the bounds are; null for UTC. */
    private final java.time.ZoneId zone;
    private transient ProcTimeSessions sessions;
    private transient ListState<Row> rows;

    /**
     * @param gap the session gap in ms
     * @param rowType the type of input rows, to keep them in state
     * @param zone the session time zone, null for UTC
     */
    public ProcTimeSessionWindowTableFunction(long gap, RowTypeInfo rowType, java.time.ZoneId zone) {
        this.gap = gap;
        this.rowType = rowType;
        this.zone = zone;
    }

    @Override
    public void open(OpenContext openContext) {
        sessions = new ProcTimeSessions(getRuntimeContext(), "proctime-session", gap);
        rows = getRuntimeContext().getListState(new ListStateDescriptor<>("proctime-session-rows", rowType));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Row ended = sessions.add(ctx.timerService());
        if (ended != null) {
            fire(ended, out); // ended before this row, its timer not fired yet
        }
        rows.add(input);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row ended = sessions.ended(timestamp, ctx.timerService());
        if (ended != null) {
            fire(ended, out);
            sessions.clear();
        }
    }

    /** Emits the session's rows with its bounds and forgets them. */
    private void fire(Row session, Collector<Row> out) throws Exception {
        long start = WindowTableFunction.localMillis(ProcTimeSessions.start(session), zone);
        long end = WindowTableFunction.localMillis(ProcTimeSessions.end(session), zone);
        for (Row row : rows.get()) {
            out.collect(WindowTableFunction.windowed(row, start, end));
        }
        rows.clear();
    }
}
