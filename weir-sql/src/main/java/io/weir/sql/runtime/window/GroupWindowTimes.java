package io.weir.sql.runtime.window;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The window starts of a legacy {@code GROUP BY TUMBLE(ts, size [, offset])}, which the generated
 * projection below the aggregate computes as the grouping key ({@code $TUMBLE}). Windows are aligned
 * to the epoch (UTC) shifted by the offset, a time of day: {@code TUMBLE(ts, INTERVAL '1' HOUR,
 * TIME '00:12:00')} has windows {@code [00:12, 01:12)}, {@code [01:12, 02:12)}, and so on. A
 * {@code TIMESTAMP} time gives a {@code TIMESTAMP} start.
 *
 * <p>Over a {@code TIMESTAMP_LTZ} time (a rowtime, or {@code PROCTIME()}) the windows cut the wall time
 * of the session time zone, as Flink's legacy windows do: a 1-day window in {@code Asia/Shanghai} runs
 * from local midnight to local midnight, and one in a zone with DST lasts 23 or 25 hours on the days
 * the clocks change. The window's start is then kept as its wall time in an {@code Instant} (the
 * instant whose UTC reading is that wall time, Flink's "shifted" window millis): the plan types it
 * {@code TIMESTAMP_LTZ}, as Calcite derives it, and {@code TUMBLE_END} adds the size to it, so the end
 * is a wall time too. {@code TUMBLE_START}/{@code _END} read it as that wall time ({@link #wallTime}),
 * {@code TUMBLE_ROWTIME} turns the end into the instant the window fires ({@link #rowtime(Instant,
 * ZoneId)}), and {@link WindowAggregateFunction} fires the window at that instant. Nothing else
 * reads the start.
 */
public final class GroupWindowTimes {

    private GroupWindowTimes() {
    }

    /** The start of the window of {@code size} ms, shifted by {@code offset} ms, that holds {@code millis}. */
    public static long windowStart(long millis, long size, long offset) {
        return millis - Math.floorMod(millis - offset, size);
    }

    public static LocalDateTime tumbleStart(LocalDateTime time, long size, LocalTime offset) {
        return WindowTableFunction.toTimestamp(windowStart(WindowTableFunction.toMillis(time), size, millis(offset)));
    }

    /**
     * The start of the window over a {@code TIMESTAMP_LTZ} time: the wall time in {@code zone} (the
     * session time zone) of the window holding {@code time}'s wall time there, kept as an instant (see above).
     */
    public static Instant tumbleStart(Instant time, long size, LocalTime offset, ZoneId zone) {
        return Instant.ofEpochMilli(windowStart(WindowTableFunction.localMillis(time.toEpochMilli(), zone), size,
                millis(offset)));
    }

    /** {@code $WINDOW_BOUND(bound)}: a window's start or end over a TIMESTAMP_LTZ time, its wall time ({@code TIMESTAMP}). */
    public static LocalDateTime wallTime(Instant bound) {
        return WindowTableFunction.toTimestamp(bound.toEpochMilli());
    }

    /** The milliseconds of the day of an offset ({@code TIME '00:12:00'}), 0 without one. */
    public static long millis(LocalTime offset) {
        return offset == null ? 0 : offset.toNanoOfDay() / 1_000_000;
    }

    /** {@code $WINDOW_ROWTIME(end)}: the rowtime of a window's result row, its end minus 1 ms. */
    public static LocalDateTime rowtime(LocalDateTime end) {
        return end.minusNanos(1_000_000);
    }

    public static Instant rowtime(Instant end) {
        return end.minusMillis(1);
    }

    /**
     * {@code $WINDOW_ROWTIME(end)} of a TUMBLE or HOP window over a TIMESTAMP_LTZ time, whose end is a
     * wall time of {@code zone}: the instant the window fires, that of its last millisecond
     * ({@link WindowTableFunction#fireTime}), so the row is not late downstream.
     */
    public static Instant rowtime(Instant wallEnd, ZoneId zone) {
        return Instant.ofEpochMilli(WindowTableFunction.fireTime(wallEnd.toEpochMilli(), zone));
    }

    /** A window bound in the type of the row's time: a {@code TIMESTAMP} or an {@code Instant}. */
    static Object bound(long millis, Object timeOfSameType) {
        return timeOfSameType instanceof Instant ? Instant.ofEpochMilli(millis) : WindowTableFunction.toTimestamp(millis);
    }
}
