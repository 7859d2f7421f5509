package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.agg.Accumulators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A window aggregate over processing time: a legacy {@code GROUP BY k, TUMBLE(pt, size)} (or
 * {@code HOP(pt, slide, size)}) where {@code pt} is {@code PROCTIME()}, or {@code GROUP BY k,
 * window_start, window_end} over {@code TUMBLE(TABLE t, DESCRIPTOR(pt), size)} (Nexmark q12),
 * {@code HOP(TABLE t, DESCRIPTOR(pt), slide, size)} or {@code CUMULATE(TABLE t, DESCRIPTOR(pt), step, size)}.
 * Keyed by the grouping fields other than the window, it puts each row into the windows that hold
 * the operator's own processing time when the row arrives (not the time an operator before the
 * exchange saw, which a window may already have fired for), keeps one accumulator per window in a
 * map state (window start to accumulator; for CUMULATE, whose windows share their start, window end
 * to accumulator), and emits a window's {@code +I} row when a
 * processing-time timer reaches its end; then it forgets the window. (Flink's timer is at the end
 * - 1 ms, so a row that arrives in that last millisecond after the window fired fires it a second
 * time; at the end itself, every row processed before belongs to the window and none after does.)
 * No row is late. Windows still open when a bounded input ends do not fire (as in Flink).
 *
 * <p>The processing time is a {@code TIMESTAMP_LTZ}, so, as in Flink, the windows cut the wall time of
 * the session time zone ({@link #inZone}): a 1-day window in {@code 'Asia/Shanghai'} runs from local
 * midnight to local midnight (23 or 25 hours across a DST change), a table function's
 * {@code window_start}/{@code window_end} are those wall times, and a window fires 1 ms after the
 * instant of its last millisecond (a wall-clock hour that happens twice is one window, fired after the
 * second; a last millisecond a DST change skips is read as the time after the change, 02:30 as 03:30).
 * Without a zone (UTC) wall time and instant are one.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class ProcTimeWindowAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final WindowKeyLayout layout;
    private final long size;
    private final long slide;
    private final long offset;
    /** CUMULATE's step: its windows grow from each {@code size}'s start by it; 0 for tumbling and hopping windows. */
    private final long step;
    /** The session time zone whose wall time the windows cut; null for UTC. */
    private final java.time.ZoneId zone;
    /** Tumbling and hopping windows by their start; CUMULATE's by their end. */
    private transient MapState<Long, Row> windows;

    /**
     * @param keyCount how many grouping fields the aggregate has, window bounds included
     * @param startPosition where among them the window's start goes, or -1
     * @param endPosition where among them the window's end goes, or -1
     * @param instantBounds whether the bounds are {@code TIMESTAMP_LTZ} ({@link Instant}; a legacy
     *     window over {@code PROCTIME()}) rather than {@code TIMESTAMP} (a window table function's)
     * @param slide the distance between window starts: the size for tumbling windows
     * @param offset how far the windows are shifted from the epoch, in ms
     */
    public ProcTimeWindowAggregateFunction(Accumulators accumulators, int keyCount, int startPosition, int endPosition,
            boolean instantBounds, long size, long slide, long offset) {
        this(accumulators, new WindowKeyLayout(keyCount, startPosition, endPosition, instantBounds), size, slide,
                offset, 0, null);
    }

    /**
     * CUMULATE over processing time: within each {@code size} from the epoch, the windows {@code
     * [start, start + step)}, {@code [start, start + 2 step)}, ... up to {@code [start, start + size)};
     * a row goes into those of them that have not ended at the operator's clock.
     */
    public static ProcTimeWindowAggregateFunction cumulating(Accumulators accumulators, int keyCount,
            int startPosition, int endPosition, long step, long size) {
        return cumulating(accumulators, keyCount, startPosition, endPosition, step, size, 0);
    }

    /** CUMULATE whose {@code size}s start {@code offset} ms after the epoch's multiples of it. */
    public static ProcTimeWindowAggregateFunction cumulating(Accumulators accumulators, int keyCount,
            int startPosition, int endPosition, long step, long size, long offset) {
        if (step <= 0 || size % step != 0) {
            throw new IllegalArgumentException("CUMULATE's max size " + size + " ms must be a positive multiple of its "
                    + "step " + step + " ms");
        }
        return new ProcTimeWindowAggregateFunction(accumulators,
                new WindowKeyLayout(keyCount, startPosition, endPosition, false), size, size, offset, step, null);
    }

    /** These windows cut the wall time of {@code zone} (the session time zone), as Flink's do. */
    public ProcTimeWindowAggregateFunction inZone(java.time.ZoneId zone) {
        return new ProcTimeWindowAggregateFunction(accumulators, layout, size, slide, offset, step, zone);
    }

    /** These windows' {@code window_time} is a grouping key too, at {@code position}. */
    public ProcTimeWindowAggregateFunction withWindowTime(int position, boolean instant) {
        return new ProcTimeWindowAggregateFunction(accumulators, layout.withTime(position, instant), size, slide,
                offset, step, zone);
    }

    private ProcTimeWindowAggregateFunction(Accumulators accumulators, WindowKeyLayout layout, long size, long slide,
            long offset, long step, java.time.ZoneId zone) {
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("A window's size and slide must be positive, not " + size + " / " + slide);
        }
        this.accumulators = accumulators;
        this.layout = layout;
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.step = step;
        this.zone = zone;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        accumulators.open(getRuntimeContext());
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                step > 0 ? "proctime-cumulate-windows" : "proctime-windows",
                BasicTypeInfo.LONG_TYPE_INFO, accumulators.accumulatorType()));
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        long now = WindowTableFunction.localMillis(ctx.timerService().currentProcessingTime(), zone);
        if (step > 0) {
            long start = GroupWindowTimes.windowStart(now, size, offset);
            for (long end = start + step; end <= start + size; end += step) {
                if (end > now) {
                    accumulate(end, end, input, ctx);
                }
            }
            return;
        }
        for (long start = GroupWindowTimes.windowStart(now, slide, offset); start > now - size; start -= slide) {
            accumulate(start, start + size, input, ctx);
        }
    }

    /** Adds {@code input} to the window kept under {@code window}, which ends at the wall time {@code end}. */
    private void accumulate(long window, long end, Row input, Context ctx) throws Exception {
        Row acc = windows.get(window);
        if (acc == null) {
            acc = accumulators.create();
            ctx.timerService().registerProcessingTimeTimer(fireTime(end));
        }
        accumulators.accumulate(acc, input);
        windows.put(window, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        if (zone == null || zone.getRules().isFixedOffset()) {
            long end = WindowTableFunction.localMillis(timestamp, zone);
            fire(step > 0 ? end : end - size, ctx, out);
            return;
        }
        // Across a DST change a timer's instant is not its window's end read in the zone: fire every
        // window whose end has been reached.
        List<Long> ended = new ArrayList<>();
        for (Long window : windows.keys()) {
            if (fireTime(step > 0 ? window : window + size) <= timestamp) {
                ended.add(window);
            }
        }
        for (long window : ended) {
            fire(window, ctx, out);
        }
    }

    /**
     * When the window ending at the wall time {@code end} fires: 1 ms after the instant of its last
     * millisecond, as event-time windows of a TIMESTAMP_LTZ fire at that instant
     * ({@link WindowTableFunction#fireTime}).
     */
    private long fireTime(long end) {
        return WindowTableFunction.fireTime(end, zone) + 1;
    }

    /** Emits the row of the window kept under {@code window} and forgets it; nothing if it has fired. */
    private void fire(long window, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Row acc = windows.get(window);
        if (acc == null) {
            return;
        }
        windows.remove(window);
        long end = step > 0 ? window : window + size;
        long start = step > 0 ? GroupWindowTimes.windowStart(end - 1, size, offset) : window;
        out.collect(accumulators.output(RowKind.INSERT,
                layout.key(ctx.getCurrentKey(), bound(start), bound(end), layout.time(end - 1, zone)), acc));
    }

    /**
     * A window bound, a wall time: for a legacy window (a TIMESTAMP_LTZ in the plan) kept in an instant
     * whose UTC reading is that wall time, as {@link GroupWindowTimes} keeps the bounds of rowtime
     * windows, else the wall time itself.
     */
    private Object bound(long wallMillis) {
        return layout.instantBounds() ? Instant.ofEpochMilli(wallMillis) : WindowTableFunction.toTimestamp(wallMillis);
    }
}
