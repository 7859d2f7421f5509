package io.weir.sql.runtime.window;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The window starts of a legacy {@code GROUP BY TUMBLE(ts, size [, offset])}, which the generated
 * projection below the aggregate computes as the grouping key ({@code $TUMBLE}). Windows are aligned
 * to the epoch (UTC) shifted by the offset, a time of day: {@code TUMBLE(ts, INTERVAL '1' HOUR,
 * TIME '00:12:00')} has windows {@code [00:12, 01:12)}, {@code [01:12, 02:12)}, and so on. A
 * {@code TIMESTAMP} time gives a {@code TIMESTAMP} start, a {@code TIMESTAMP_LTZ} time (a
 * processing-time attribute, {@code PROCTIME()}) an {@code Instant}.
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

    public static Instant tumbleStart(Instant time, long size, LocalTime offset) {
        return Instant.ofEpochMilli(windowStart(time.toEpochMilli(), size, millis(offset)));
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

    /** A window bound in the type of the row's time: a {@code TIMESTAMP} or an {@code Instant}. */
    static Object bound(long millis, Object timeOfSameType) {
        return timeOfSameType instanceof Instant ? Instant.ofEpochMilli(millis) : WindowTableFunction.toTimestamp(millis);
    }
}
