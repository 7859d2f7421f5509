package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.types.Row;
import io.weir.runtime.operators.CopyFreeInput;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The window table functions TUMBLE, HOP and CUMULATE: each input row comes out once per window
 * it belongs to, with three fields appended: {@code window_start}, {@code window_end} and
 * {@code window_time} ({@code window_end} minus 1 ms, the time of the window's result). Windows
 * are aligned to the epoch, in UTC, as Flink aligns them. Over a {@code TIMESTAMP_LTZ} rowtime they
 * are aligned in the session time zone, as in Flink: a row's instant is read as its wall time there
 * ({@link #localMillis}), the windows cut wall time (a 1-day TUMBLE runs from local midnight to local
 * midnight, 23 or 25 hours across a DST change), {@code window_start} and {@code window_end} are
 * those wall times ({@code TIMESTAMP(3)}), and {@code window_time} is the instant of the window's last
 * millisecond ({@code TIMESTAMP_LTZ(3)}), when the window fires ({@link #fireTime}). A row whose time
 * field is null belongs to no window and is dropped. An offset shifts the windows from the epoch
 * (HOP's by its slide, TUMBLE's and CUMULATE's by their size), as Flink's optional offset argument does.
 */
public final class WindowTableFunction implements FlatMapFunction<Row, Row>, CopyFreeInput {

    private static final long serialVersionUID = 1L;

    /** Which table function. */
    public enum Kind { TUMBLE, HOP, CUMULATE }

    private final Kind kind;
    private final int timeField;
    private final long size;
    private final long step;
    /** Whether the time field is a TIMESTAMP_LTZ, so window_time is one too. */
    private final boolean instantTime;
    /** The session time zone windows on a TIMESTAMP_LTZ rowtime are aligned in; null aligns them in UTC. */
    private final java.time.ZoneId zone;
    /** How far the windows are shifted from the epoch, in ms. */
    private final long offset;
    /** The bounds of the last window a row was put in: most rows fall into the previous row's window. */
    private transient long lastStart = Long.MIN_VALUE;
    private transient Object[] lastBounds;

    /**
     * @param timeField the input field the DESCRIPTOR names
     * @param size the window size (HOP's size, CUMULATE's max size) in ms
     * @param step HOP's slide or CUMULATE's step in ms; TUMBLE's size
     */
    public WindowTableFunction(Kind kind, int timeField, long size, long step) {
        this(kind, timeField, size, step, false, null);
    }

    /**
     * @param instantTime whether the time field is a {@code TIMESTAMP_LTZ}: {@code window_time} is then an instant
     * @param zone the session time zone the windows of a {@code TIMESTAMP_LTZ} rowtime are aligned in;
     *     null aligns them in UTC (a {@code TIMESTAMP} rowtime, a processing time)
     */
    public WindowTableFunction(Kind kind, int timeField, long size, long step, boolean instantTime,
            java.time.ZoneId zone) {
        this(kind, timeField, size, step, instantTime, zone, 0);
    }

    /** @param offset how far the windows are shifted from the epoch, in ms (Flink's offset argument) */
    public WindowTableFunction(Kind kind, int timeField, long size, long step, boolean instantTime,
            java.time.ZoneId zone, long offset) {
        if (size <= 0 || step <= 0) {
            throw new IllegalArgumentException("Window sizes must be positive, not " + size + " / " + step);
        }
        this.kind = kind;
        this.timeField = timeField;
        this.size = size;
        this.step = step;
        this.instantTime = instantTime || zone != null;
        this.zone = zone;
        this.offset = offset;
    }

    /** It only reads a row's fields into new rows (with its window's bounds); it keeps and changes no input row. */
    @Override
    public boolean acceptsSharedInput() {
        return true;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        Object time = row.getField(timeField);
        if (time == null) {
            return;
        }
        long ts = localMillis(rowtimeMillis(time), zone);
        switch (kind) {
            case TUMBLE -> {
                long start = ts - Math.floorMod(ts - offset, size);
                out.collect(windowed(row, tumblingBounds(start)));
            }
            case HOP -> {
                for (long start = ts - Math.floorMod(ts - offset, step); start > ts - size; start -= step) {
                    out.collect(windowed(row, bounds(start, start + size)));
                }
            }
            case CUMULATE -> {
                long start = ts - Math.floorMod(ts - offset, size);
                for (long end = start + step; end <= start + size; end += step) {
                    if (end > ts) {
                        out.collect(windowed(row, bounds(start, end)));
                    }
                }
            }
        }
    }

    /** {@code window_start}, {@code window_end} and {@code window_time} of the tumbling window at {@code start}, shared. */
    private Object[] tumblingBounds(long start) {
        if (start != lastStart || lastBounds == null) {
            lastBounds = bounds(start, start + size);
            lastStart = start;
        }
        return lastBounds;
    }

    /** {@code window_start}, {@code window_end} and {@code window_time} of the window {@code [start, end)} (wall times). */
    private Object[] bounds(long start, long end) {
        return new Object[] {toTimestamp(start), toTimestamp(end),
                instantTime ? java.time.Instant.ofEpochMilli(fireTime(end, zone)) : toTimestamp(end - 1)};
    }

    /** {@code row} with {@code window_start}, {@code window_end} and {@code window_time} appended (a TIMESTAMP time). */
    static Row windowed(Row row, long start, long end) {
        return windowed(row, new Object[] {toTimestamp(start), toTimestamp(end), toTimestamp(end - 1)});
    }

    private static Row windowed(Row row, Object[] bounds) {
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

    /**
     * The wall time, in ms read as UTC, of the instant {@code epochMillis} in {@code zone} (Flink's
     * shifted time of a TIMESTAMP_LTZ window); the instant itself when {@code zone} is null.
     */
    public static long localMillis(long epochMillis, java.time.ZoneId zone) {
        if (zone == null) {
            return epochMillis;
        }
        return epochMillis + zone.getRules().getOffset(java.time.Instant.ofEpochMilli(epochMillis)).getTotalSeconds()
                * 1000L;
    }

    /**
     * The instant of the wall time {@code localMillis} in {@code zone} (itself when {@code zone} is
     * null): a wall time a DST change skips is read as the same time after the change (02:30 as
     * 03:30); one that occurs twice, as its later occurrence, so a window fires only after the rows of
     * both.
     */
    public static long epochMillis(long localMillis, java.time.ZoneId zone) {
        if (zone == null) {
            return localMillis;
        }
        return java.time.ZonedDateTime.ofLocal(toTimestamp(localMillis), zone, null).withLaterOffsetAtOverlap()
                .toInstant().toEpochMilli();
    }

    /**
     * The event time at which the window ending at {@code windowEnd} fires: its last millisecond, an
     * instant for a wall-time window of a TIMESTAMP_LTZ rowtime ({@code zone} not null).
     */
    public static long fireTime(long windowEnd, java.time.ZoneId zone) {
        return epochMillis(windowEnd - 1, zone);
    }

    public static LocalDateTime toTimestamp(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }
}
