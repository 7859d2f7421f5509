package io.weir.sql.runtime.window;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.agg.Accumulators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The global half of a sliced window aggregate over TUMBLE, HOP or CUMULATE windows: each row is
 * accumulated once, into its slice ({@link SliceAssigner}), instead of once per window. Its input
 * is the partial accumulators of a {@link LocalSliceAggregateOperator} before the exchange (one per
 * key and slice since the last watermark); it is keyed by the grouping fields other than the window
 * bounds and merges the partials into one accumulator per (key, slice) in a map state.
 * When the watermark passes a window's end (an event-time timer at {@code window_end - 1}, one per
 * window a slice belongs to) it merges the window's slices, emits one {@code +I} row, and frees the
 * slices no later window needs. The output is the same as the unsliced {@link WindowAggregateFunction}'s.
 *
 * <p>Needs aggregates that merge ({@link Accumulators#canMerge()}). A partial whose slice belongs to no
 * window the watermark has not passed is late: dropped and counted (once per partial) in
 * {@code numLateRecordsDropped}; rows whose slice's first windows have fired still count in its
 * later ones, as they do unsliced.
 *
 * <p>Over a {@code TIMESTAMP_LTZ} rowtime the slices and windows are wall times in the session time
 * zone ({@link WindowTableFunction}); a window's timer is at the instant of its last millisecond
 * ({@link WindowTableFunction#fireTime}), so the windows whose last wall-clock millisecond a DST change
 * skips share the timer of the window after them, and fire with it, in order.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class SlicedWindowAggregateFunction extends KeyedProcessFunction<Row, Row, Row>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final SliceAssigner slices;
    private final int sliceEndField;
    private final int startKey;
    private final int endKey;
    /** The input field of a partial's accumulator. */
    private final int partialField;
    /** The session time zone of wall-time windows (a TIMESTAMP_LTZ rowtime); null for windows of a TIMESTAMP. */
    private final java.time.ZoneId zone;
    private transient MapState<Long, Row> state;
    private transient Counter lateRowsDropped;
    private transient List<Long> unneeded;
    // fireDue's scratch space: the key's slices as read, and the ends of the windows to fire.
    private transient long[] sliceEnds;
    private transient Row[] sliceAccumulators;
    private transient long[] windowEnds;
    /**
     * Whether {@link #initializeState} said the job was not restored: then a key with one slice has
     * one timer (see {@link #fireDue}); false ("maybe restored") where nothing said so.
     */
    private transient boolean notRestored;
    /** Window bounds made by {@link #timestamp}, with their millis. */
    private transient java.time.LocalDateTime[] bounds;
    private transient long[] boundMillis;

    /**
     * Over the partials of a {@link LocalSliceAggregateOperator}: rows {@code (key fields..., slice
     * end, accumulator)} with {@code keyArity} key fields.
     *
     * @param startKey the position of {@code window_start} among the output's grouping fields; the
     *     function's key holds the others, in order
     * @param endKey the position of {@code window_end} among them
     */
    public static SlicedWindowAggregateFunction ofPartials(Accumulators accumulators, SliceAssigner slices,
            int keyArity, int startKey, int endKey) {
        return ofPartials(accumulators, slices, keyArity, startKey, endKey, null);
    }

    /**
     * @param zone the session time zone the windows of a {@code TIMESTAMP_LTZ} rowtime are wall times
     *     in; null for windows of a {@code TIMESTAMP} rowtime
     */
    public static SlicedWindowAggregateFunction ofPartials(Accumulators accumulators, SliceAssigner slices,
            int keyArity, int startKey, int endKey, java.time.ZoneId zone) {
        return new SlicedWindowAggregateFunction(accumulators, slices, keyArity, keyArity + 1, startKey, endKey, zone);
    }

    private SlicedWindowAggregateFunction(Accumulators accumulators, SliceAssigner slices, int sliceEndField,
            int partialField, int startKey, int endKey, java.time.ZoneId zone) {
        if (!accumulators.canMerge()) {
            throw new IllegalArgumentException("A sliced window aggregate needs aggregates that merge");
        }
        this.accumulators = accumulators;
        this.slices = slices;
        this.sliceEndField = sliceEndField;
        this.startKey = startKey;
        this.endKey = endKey;
        this.partialField = partialField;
        this.zone = zone;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        notRestored = !context.isRestored();
    }

    /** Its state is keyed state and timers, snapshotted by the backend. */
    @Override
    public void snapshotState(FunctionSnapshotContext context) {
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        accumulators.open(getRuntimeContext());
        state = getRuntimeContext().getMapState(new MapStateDescriptor<>("window-slices",
                BasicTypeInfo.LONG_TYPE_INFO, accumulators.accumulatorType()));
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
        unneeded = new ArrayList<>();
        sliceEnds = new long[8];
        sliceAccumulators = new Row[8];
        windowEnds = new long[8];
        bounds = new java.time.LocalDateTime[16];
        boundMillis = new long[16];
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        long sliceEnd = WindowTableFunction.rowtimeMillis(input.getField(sliceEndField));
        long lastWindowEnd = slices.lastWindowEnd(sliceEnd);
        long firstWindowEnd = slices.firstWindowEnd(sliceEnd);
        if (firstWindowEnd > lastWindowEnd) {
            return; // a HOP whose slide exceeds its size leaves gaps: the row is in no window
        }
        long watermark = ctx.timerService().currentWatermark();
        if (WindowTableFunction.fireTime(lastWindowEnd, zone) <= watermark) {
            lateRowsDropped.inc();
            return;
        }
        Row acc = state.get(sliceEnd);
        if (acc == null) {
            acc = accumulators.create();
            if (zone == null) {
                // One timer, for the slice's first window still to fire: firing it fires the key's
                // later windows the watermark has passed too, and sets the timer of the next (fireDue).
                ctx.timerService().registerEventTimeTimer(firstEndAfter(sliceEnd, watermark) - 1);
            } else {
                for (long end = firstWindowEnd; end <= lastWindowEnd; end += slices.windowEndStep()) {
                    long fireAt = WindowTableFunction.fireTime(end, zone);
                    if (fireAt > watermark) {
                        ctx.timerService().registerEventTimeTimer(fireAt);
                    }
                }
            }
        }
        accumulators.merge(acc, (Row) input.getField(partialField));
        state.put(sliceEnd, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        if (zone == null) {
            fireDue(timestamp + 1, ctx, out);
            return;
        }
        // The wall time of the timer's instant, plus 1 ms, is the end of the window it was set for,
        // unless a DST change skipped that window's last millisecond: then the windows ending in the
        // skipped hour(s) share the timer, and lie at most the skipped length before it.
        long end = WindowTableFunction.localMillis(timestamp, zone) + 1;
        long skipped = Math.max(0, end - 1 - WindowTableFunction.localMillis(timestamp - 86_400_000L, zone)
                - 86_400_000L);
        List<Long> ends = new ArrayList<>();
        for (long e = slices.windowEndAtOrBefore(end); e >= end - skipped; e -= slices.windowEndStep()) {
            if (WindowTableFunction.fireTime(e, zone) == timestamp) {
                ends.add(0, e);
            }
        }
        for (long e : ends) {
            fire(e, ctx, out);
        }
    }

    /**
     * The end of the first window holding the slice ending at {@code sliceEnd} that the watermark
     * has not passed (whose last millisecond is after {@code watermark}); the slice has one.
     */
    private long firstEndAfter(long sliceEnd, long watermark) {
        long first = slices.firstWindowEnd(sliceEnd);
        if (first - 1 > watermark) {
            return first;
        }
        long step = slices.windowEndStep();
        return first + (Math.floorDiv(watermark + 1 - first, step) + 1) * step;
    }

    /**
     * Windows of a {@code TIMESTAMP} rowtime: a slice gets one timer, at its first window still to fire,
     * not one per window. The timer fires the window ending at {@code firstEnd} and every later window
     * of the key's slices that the watermark has passed, in order, reading the key's slices once; deletes
     * the timers other slices (or a snapshot of an earlier build, with one timer per window) have at
     * those windows, so none fires twice; frees the slices no later window needs; and sets the timer of
     * the key's next window. A watermark that jumps past many windows (a backlog, the end of the input)
     * thus costs a key one timer and one read of its state instead of one per window; the rows emitted
     * are the same, each key's in the order of their window ends.
     */
    private void fireDue(long firstEnd, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        int count = 0;
        for (Map.Entry<Long, Row> slice : state.entries()) {
            if (count == sliceEnds.length) {
                sliceEnds = java.util.Arrays.copyOf(sliceEnds, count * 2);
                sliceAccumulators = java.util.Arrays.copyOf(sliceAccumulators, count * 2);
            }
            sliceEnds[count] = slice.getKey();
            sliceAccumulators[count++] = slice.getValue();
        }
        // The windows to fire: the timer's, and the slices' later ones the watermark has passed.
        int ends = 0;
        windowEnds[ends++] = firstEnd;
        long step = slices.windowEndStep();
        for (int i = 0; i < count; i++) {
            long last = slices.lastWindowEnd(sliceEnds[i]);
            for (long end = Math.max(slices.firstWindowEnd(sliceEnds[i]), firstEnd + step); end <= last
                    && end - 1 <= watermark; end += step) {
                if (ends == windowEnds.length) {
                    windowEnds = java.util.Arrays.copyOf(windowEnds, ends * 2);
                }
                windowEnds[ends++] = end;
            }
        }
        java.util.Arrays.sort(windowEnds, 0, ends);
        // Another timer can be at one of these windows only if another slice set it (or a snapshot of
        // an earlier build did): one slice's timers are set one after the other, each by the last.
        boolean otherTimers = count > 1 || !notRestored;
        long fired = Long.MIN_VALUE;
        for (int w = 0; w < ends; w++) {
            long windowEnd = windowEnds[w];
            if (windowEnd == fired) {
                continue;
            }
            if (w > 0 && otherTimers) {
                ctx.timerService().deleteEventTimeTimer(windowEnd - 1);
            }
            emit(windowEnd, count, ctx, out);
            fired = windowEnd;
        }
        long unneededUpTo = slices.unneededUpTo(fired);
        long next = Long.MAX_VALUE;
        int needed = 0;
        for (int i = 0; i < count; i++) {
            long sliceEnd = sliceEnds[i];
            if (sliceEnd > unneededUpTo) {
                needed++;
                if (slices.lastWindowEnd(sliceEnd) - 1 > watermark) {
                    next = Math.min(next, firstEndAfter(sliceEnd, watermark));
                }
            }
        }
        if (needed == 0) {
            state.clear(); // one step, not a removal per slice
        } else {
            for (int i = 0; i < count; i++) {
                if (sliceEnds[i] <= unneededUpTo) {
                    state.remove(sliceEnds[i]);
                }
            }
        }
        java.util.Arrays.fill(sliceAccumulators, 0, count, null);
        if (next != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(next - 1);
        }
    }

    /** Emits the window ending at {@code windowEnd} from the first {@code count} slices read, if any of them is in it. */
    private void emit(long windowEnd, int count, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long windowStart = slices.windowStart(windowEnd);
        Row window = null;
        boolean shared = false; // window is a slice's accumulator in state, not to be changed
        for (int i = 0; i < count; i++) {
            long sliceEnd = sliceEnds[i];
            if (sliceEnd > windowStart && sliceEnd <= windowEnd) {
                if (window == null) {
                    window = sliceAccumulators[i];
                    shared = true;
                } else {
                    if (shared) {
                        Row copy = accumulators.create();
                        accumulators.merge(copy, window);
                        window = copy;
                        shared = false;
                    }
                    accumulators.merge(window, sliceAccumulators[i]);
                }
            }
        }
        if (window != null) {
            out.collect(accumulators.output(RowKind.INSERT, windowKey(ctx.getCurrentKey(), windowStart, windowEnd),
                    window));
        }
    }

    /** Emits the window ending at {@code windowEnd} (if it holds rows) and frees the slices no later window needs. */
    private void fire(long windowEnd, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long windowStart = slices.windowStart(windowEnd);
        long unneededUpTo = slices.unneededUpTo(windowEnd);
        Row window = null;
        boolean shared = false; // window is a slice's accumulator in state, not to be changed
        for (Map.Entry<Long, Row> slice : state.entries()) {
            long sliceEnd = slice.getKey();
            if (sliceEnd > windowStart && sliceEnd <= windowEnd) {
                if (window == null) {
                    window = slice.getValue();
                    shared = true;
                } else {
                    if (shared) {
                        Row copy = accumulators.create();
                        accumulators.merge(copy, window);
                        window = copy;
                        shared = false;
                    }
                    accumulators.merge(window, slice.getValue());
                }
            }
            if (sliceEnd <= unneededUpTo) {
                unneeded.add(sliceEnd);
            }
        }
        for (Long sliceEnd : unneeded) {
            state.remove(sliceEnd);
        }
        unneeded.clear();
        if (window != null) {
            out.collect(accumulators.output(RowKind.INSERT, windowKey(ctx.getCurrentKey(), windowStart, windowEnd),
                    window));
        }
    }

    /**
     * The {@code TIMESTAMP} of {@code millis}, a window bound: every key emits the same few windows,
     * so the last bounds made are kept (by their place on the grid of window ends) and shared, immutable.
     */
    private java.time.LocalDateTime timestamp(long millis) {
        int slot = (int) Math.floorMod(Math.floorDiv(millis, slices.windowEndStep()), (long) boundMillis.length);
        java.time.LocalDateTime made = bounds[slot];
        if (made == null || boundMillis[slot] != millis) {
            made = WindowTableFunction.toTimestamp(millis);
            bounds[slot] = made;
            boundMillis[slot] = millis;
        }
        return made;
    }

    /** The output's grouping fields: the function's key with the window's bounds put in their places. */
    private Row windowKey(Row key, long windowStart, long windowEnd) {
        Row full = new Row(RowKind.INSERT, key.getArity() + 2);
        for (int i = 0, k = 0; i < full.getArity(); i++) {
            if (i == startKey) {
                full.setField(i, timestamp(windowStart));
            } else if (i == endKey) {
                full.setField(i, timestamp(windowEnd));
            } else {
                full.setField(i, key.getField(k++));
            }
        }
        return full;
    }
}
