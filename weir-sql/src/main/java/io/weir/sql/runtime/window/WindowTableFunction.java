package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.types.Row;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The window table functions TUMBLE, HOP and CUMULATE: each input row comes out once per window
 * it belongs to, with three fields appended: {@code window_start}, {@code window_end} and
 * {@code window_time} ({@code window_end} minus 1 ms, the time of the window's result). Windows
 * are aligned to the epoch, in UTC, as Flink aligns them. A row whose time field is null belongs
 * to no window and is dropped.
 */
public final class WindowTableFunction implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Which table function. */
    public enum Kind { TUMBLE, HOP, CUMULATE }

    private final Kind kind;
    private final int timeField;
    private final long size;
    private final long step;
    /** The bounds of the last window a row was put in: most rows fall into the previous row's window. */
    private transient long lastStart = Long.MIN_VALUE;
    private transient LocalDateTime[] lastBounds;

    /**
     * @param timeField the input field the DESCRIPTOR names
     * @param size the window size (HOP's size, CUMULATE's max size) in ms
     * @param step HOP's slide or CUMULATE's step in ms; TUMBLE's size
     */
    public WindowTableFunction(Kind kind, int timeField, long size, long step) {
        if (size <= 0 || step <= 0) {
            throw new IllegalArgumentException("Window sizes must be positive, not " + size + " / " + step);
        }
        this.kind = kind;
        this.timeField = timeField;
        this.size = size;
        this.step = step;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        Object time = row.getField(timeField);
        if (time == null) {
            return;
        }
        long ts = rowtimeMillis(time);
        switch (kind) {
            case TUMBLE -> {
                long start = ts - Math.floorMod(ts, size);
                out.collect(windowed(row, tumblingBounds(start)));
            }
            case HOP -> {
                for (long start = ts - Math.floorMod(ts, step); start > ts - size; start -= step) {
                    out.collect(windowed(row, start, start + size));
                }
            }
            case CUMULATE -> {
                long start = ts - Math.floorMod(ts, size);
                for (long end = start + step; end <= start + size; end += step) {
                    if (end > ts) {
                        out.collect(windowed(row, start, end));
                    }
                }
            }
        }
    }

    /** {@code window_start}, {@code window_end} and {@code window_time} of the tumbling window at {@code start}, shared. */
    private LocalDateTime[] tumblingBounds(long start) {
        if (start != lastStart || lastBounds == null) {
            lastBounds = new LocalDateTime[] {toTimestamp(start), toTimestamp(start + size), toTimestamp(start + size - 1)};
            lastStart = start;
        }
        return lastBounds;
    }

    /** {@code row} with {@code window_start}, {@code window_end} and {@code window_time} appended. */
    static Row windowed(Row row, long start, long end) {
        return windowed(row, new LocalDateTime[] {toTimestamp(start), toTimestamp(end), toTimestamp(end - 1)});
    }

    private static Row windowed(Row row, LocalDateTime[] bounds) {
        int arity = row.getArity();
        Row out = new Row(row.getKind(), arity + 3);
        for (int i = 0; i < arity; i++) {
            out.setField(i, row.getField(i));
        }
        out.setField(arity, bounds[0]);
        out.setField(arity + 1, bounds[1]);
        out.setField(arity + 2, bounds[2]);
        return out;
    }

    /** Milliseconds since the epoch of a SQL TIMESTAMP, read as UTC (as Flink reads rowtime values). */
    public static long toMillis(LocalDateTime timestamp) {
        // toInstant(UTC).toEpochMilli() without the Instant; overflow still throws as it does there.
        return Math.addExact(Math.multiplyExact(timestamp.toEpochSecond(ZoneOffset.UTC), 1000L),
                timestamp.getNano() / 1_000_000);
    }

    /**
     * Milliseconds since the epoch of a rowtime value: a {@code TIMESTAMP(3)} ({@link LocalDateTime},
     * read as UTC) or a {@code TIMESTAMP_LTZ(3)} (an {@link java.time.Instant}).
     */
    public static long rowtimeMillis(Object rowtime) {
        return rowtime instanceof LocalDateTime timestamp ? toMillis(timestamp)
                : ((java.time.Instant) rowtime).toEpochMilli();
    }

    public static LocalDateTime toTimestamp(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }
}
