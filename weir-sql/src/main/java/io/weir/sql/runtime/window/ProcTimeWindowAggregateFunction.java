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

/**
 * A window aggregate over processing time: a legacy {@code GROUP BY k, TUMBLE(pt, size)} (or
 * {@code HOP(pt, slide, size)}) where {@code pt} is {@code PROCTIME()}, or {@code GROUP BY k,
 * window_start, window_end} over {@code TUMBLE(TABLE t, DESCRIPTOR(pt), size)} (Nexmark q12).
 * Keyed by the grouping fields other than the window, it puts each row into the windows that hold
 * the operator's own processing time when the row arrives (not the time an operator before the
 * exchange saw, which a window may already have fired for), keeps one accumulator per window in a
 * map state (window start to accumulator), and emits a window's {@code +I} row when a
 * processing-time timer reaches its end; then it forgets the window. (Flink's timer is at the end
 * - 1 ms, so a row that arrives in that last millisecond after the window fired fires it a second
 * time; at the end itself, every row processed before belongs to the window and none after does.)
 * No row is late. Windows still open when a bounded input ends do not fire (as in Flink).
 *
 * <p>Threading: called by the task's thread only.
 */
public final class ProcTimeWindowAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final int keyCount;
    private final int startPosition;
    private final int endPosition;
    private final boolean instantBounds;
    private final long size;
    private final long slide;
    private final long offset;
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
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("A window's size and slide must be positive, not " + size + " / " + slide);
        }
        this.accumulators = accumulators;
        this.keyCount = keyCount;
        this.startPosition = startPosition;
        this.endPosition = endPosition;
        this.instantBounds = instantBounds;
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        accumulators.open(getRuntimeContext());
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("proctime-windows",
                BasicTypeInfo.LONG_TYPE_INFO, accumulators.accumulatorType()));
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        for (long start = GroupWindowTimes.windowStart(now, slide, offset); start > now - size; start -= slide) {
            Row acc = windows.get(start);
            if (acc == null) {
                acc = accumulators.create();
                ctx.timerService().registerProcessingTimeTimer(start + size);
            }
            accumulators.accumulate(acc, input);
            windows.put(start, acc);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long start = timestamp - size;
        Row acc = windows.get(start);
        if (acc == null) {
            return;
        }
        windows.remove(start);
        out.collect(accumulators.output(RowKind.INSERT, key(ctx.getCurrentKey(), start), acc));
    }

    /** The aggregate's grouping key: the other keys with the window's bounds in their places. */
    private Row key(Row otherKeys, long start) {
        Row key = new Row(RowKind.INSERT, keyCount);
        for (int k = 0, o = 0; k < keyCount; k++) {
            if (k == startPosition) {
                key.setField(k, bound(start));
            } else if (k == endPosition) {
                key.setField(k, bound(start + size));
            } else {
                key.setField(k, otherKeys.getField(o++));
            }
        }
        return key;
    }

    private Object bound(long millis) {
        return instantBounds ? Instant.ofEpochMilli(millis) : WindowTableFunction.toTimestamp(millis);
    }
}
