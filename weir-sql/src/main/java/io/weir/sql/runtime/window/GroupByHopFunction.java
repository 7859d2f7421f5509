package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.types.Row;

/**
 * The window assignment of a legacy {@code GROUP BY HOP(ts, slide, size)}: the projection below the
 * aggregate computes {@code $HOP(ts, slide, size)} as the row's time; this function puts the row in
 * every window that holds that time, once per window, with the field replaced by the window's start
 * (which is what {@code HOP_START} reads; {@code HOP_END} adds the size). Windows are aligned to the
 * epoch, in UTC, like those of the {@code HOP} table function, shifted by the offset of
 * {@code HOP(ts, slide, size, TIME '00:12:00')}. A row whose time is null is dropped. The time is a
 * rowtime ({@code TIMESTAMP} or {@code TIMESTAMP_LTZ}); the starts have its type. Over a
 * {@code TIMESTAMP_LTZ} the windows cut the wall time of the session time zone, as Flink's, and the
 * starts are those wall times ({@link GroupWindowTimes}).
 */
public final class GroupByHopFunction implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int timeField;
    private final long slide;
    private final long size;
    private final long offset;
    /** The session time zone whose wall time windows over a TIMESTAMP_LTZ cut; null for UTC and a TIMESTAMP. */
    private final java.time.ZoneId zone;

    /**
     * @param timeField the input field holding {@code $HOP(ts, slide, size)}, the row's time
     * @param slide the slide in ms
     * @param size the window size in ms
     * @param offset how far the windows are shifted from the epoch, in ms
     */
    public GroupByHopFunction(int timeField, long slide, long size, long offset) {
        this(timeField, slide, size, offset, null);
    }

    /** @param zone the session time zone, whose wall time the windows of a TIMESTAMP_LTZ cut; null for UTC */
    public GroupByHopFunction(int timeField, long slide, long size, long offset, java.time.ZoneId zone) {
        if (slide <= 0 || size <= 0) {
            throw new IllegalArgumentException("HOP's slide and size must be positive, not " + slide + " / " + size);
        }
        this.timeField = timeField;
        this.slide = slide;
        this.size = size;
        this.offset = offset;
        this.zone = zone;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        Object time = row.getField(timeField);
        if (time == null) {
            return;
        }
        long ts = WindowTableFunction.localMillis(WindowTableFunction.rowtimeMillis(time), zone);
        for (long start = GroupWindowTimes.windowStart(ts, slide, offset); start > ts - size; start -= slide) {
            Row copy = new Row(row.getKind(), row.getArity());
            for (int i = 0; i < row.getArity(); i++) {
                copy.setField(i, row.getField(i));
            }
            copy.setField(timeField, GroupWindowTimes.bound(start, time));
            out.collect(copy);
        }
    }
}
