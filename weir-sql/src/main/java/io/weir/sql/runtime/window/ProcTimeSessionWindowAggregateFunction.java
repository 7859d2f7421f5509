package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.agg.Accumulators;
import java.time.Instant;
import java.util.Map;

/**
 * A session window aggregate over processing time: a legacy {@code GROUP BY k, SESSION(pt, gap)}
 * where {@code pt} is {@code PROCTIME()}, or {@code GROUP BY window_start, window_end, ...} over
 * {@code SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(pt), gap)}. Keyed by the session's partition
 * (the legacy window's other grouping keys, the table function's {@code PARTITION BY} keys), it
 * puts each row into the session of its partition by the operator's own clock when the row arrives:
 * a row at {@code now} opens the session {@code [now, now + gap)} when none is open, else extends the
 * open one to {@code now + gap}. As the clock only moves forward, a partition has at most one open
 * session and sessions never need merging. When the clock reaches the session's end (no row for
 * {@code gap}), a processing-time timer emits one {@code +I} row per group of the session (grouping
 * keys beyond the partition split a session's result, as over a rowtime) and forgets the session; a
 * row processed at or after the end opens a new session. Watermarks do not fire sessions, and no row
 * is late. Sessions still open when a bounded input ends do not fire (as in Flink).
 *
 * <p>State, checkpointed with the timer: per partition the open session ({@link ProcTimeSessions})
 * and one accumulator per group.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class ProcTimeSessionWindowAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final WindowKeyLayout layout;
    private final int[] groupFields;
    private final RowTypeInfo groupType;
    private final long gap;
    /** The session time zone the table function's bounds are wall times of; null for UTC. */
    private final java.time.ZoneId zone;
    private transient ProcTimeSessions sessions;
    /** The open session's accumulators by the row's grouping keys other than the bounds. */
    private transient MapState<Row, Row> groups;

    /**
     * @param layout where the session's bounds go among the aggregate's grouping keys, and their type
     * @param groupFields the input fields of the grouping keys other than the bounds, in key order
     * @param groupType their types
     * @param gap the session gap in ms
     * @param zone the session time zone of a table function's {@code TIMESTAMP} bounds, null for UTC
     */
    public ProcTimeSessionWindowAggregateFunction(Accumulators accumulators, WindowKeyLayout layout,
            int[] groupFields, RowTypeInfo groupType, long gap, java.time.ZoneId zone) {
        if (gap <= 0) {
            throw new IllegalArgumentException("A session gap must be positive, not " + gap + " ms");
        }
        this.accumulators = accumulators;
        this.layout = layout;
        this.groupFields = groupFields.clone();
        this.groupType = groupType;
        this.gap = gap;
        this.zone = zone;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        accumulators.open(getRuntimeContext());
        sessions = new ProcTimeSessions(getRuntimeContext(), "proctime-session", gap);
        groups = getRuntimeContext().getMapState(new MapStateDescriptor<>("proctime-session-groups", groupType,
                accumulators.accumulatorType()));
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Row ended = sessions.add(ctx.timerService());
        if (ended != null) {
            fire(ended, out); // ended before this row, its timer not fired yet
        }
        Row group = group(input);
        Row acc = groups.get(group);
        if (acc == null) {
            acc = accumulators.create();
        }
        accumulators.accumulate(acc, input);
        groups.put(group, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row ended = sessions.ended(timestamp, ctx.timerService());
        if (ended != null) {
            fire(ended, out);
            sessions.clear();
        }
    }

    /** Emits one row per group of the session and forgets the groups. */
    private void fire(Row session, Collector<Row> out) throws Exception {
        long endMillis = ProcTimeSessions.end(session);
        Object start = bound(ProcTimeSessions.start(session));
        Object end = bound(endMillis);
        Object time = layout.time(WindowTableFunction.localMillis(endMillis, zone) - 1, zone);
        for (Map.Entry<Row, Row> entry : groups.entries()) {
            out.collect(accumulators.output(RowKind.INSERT, layout.key(entry.getKey(), start, end, time),
                    entry.getValue()));
        }
        groups.clear();
    }

    private Row group(Row input) {
        Row group = new Row(RowKind.INSERT, groupFields.length);
        for (int i = 0; i < groupFields.length; i++) {
            group.setField(i, input.getField(groupFields[i]));
        }
        return group;
    }

    /** A bound: an instant for a legacy window ({@code TIMESTAMP_LTZ}), else the zone's wall time. */
    private Object bound(long epochMillis) {
        return layout.instantBounds() ? Instant.ofEpochMilli(epochMillis)
                : WindowTableFunction.toTimestamp(WindowTableFunction.localMillis(epochMillis, zone));
    }
}
