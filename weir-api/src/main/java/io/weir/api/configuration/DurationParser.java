package io.weir.api.configuration;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes durations in configuration: a number and a unit, such as {@code 100ms},
 * {@code 5 s}, {@code 2 min}, {@code 1h}, {@code 3 days}; a bare number is milliseconds.
 */
final class DurationParser {
    private DurationParser() {}

    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("ns", Duration.ofNanos(1)), Map.entry("nano", Duration.ofNanos(1)),
            Map.entry("nanos", Duration.ofNanos(1)), Map.entry("nanosecond", Duration.ofNanos(1)),
            Map.entry("nanoseconds", Duration.ofNanos(1)),
            Map.entry("us", Duration.ofNanos(1000)), Map.entry("micro", Duration.ofNanos(1000)),
            Map.entry("micros", Duration.ofNanos(1000)), Map.entry("microsecond", Duration.ofNanos(1000)),
            Map.entry("microseconds", Duration.ofNanos(1000)),
            Map.entry("", Duration.ofMillis(1)), Map.entry("ms", Duration.ofMillis(1)),
            Map.entry("milli", Duration.ofMillis(1)), Map.entry("millis", Duration.ofMillis(1)),
            Map.entry("millisecond", Duration.ofMillis(1)), Map.entry("milliseconds", Duration.ofMillis(1)),
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("secs", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("mins", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)),
            Map.entry("days", Duration.ofDays(1)));

    static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("a duration starts with a number, e.g. 100 ms, 5 s, 2 min");
        }
        String unit = s.substring(i).trim();
        Duration base = UNITS.get(unit);
        if (base == null) {
            throw new IllegalArgumentException("unknown unit '" + unit + "' (use ms, s, min, h or d)");
        }
        try {
            return base.multipliedBy(Long.parseLong(s.substring(0, i)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }

    /** The largest unit that divides the duration exactly, so {@code parse(format(d))} is {@code d}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0 ms";
        }
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            return d.toMillis() + " ms";
        }
        String[] names = {"d", "h", "min", "s", "ms", "us", "ns"};
        long[] sizes = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        for (int u = 0; u < sizes.length; u++) {
            if (nanos % sizes[u] == 0) {
                return nanos / sizes[u] + " " + names[u];
            }
        }
        throw new AssertionError("every duration is a whole number of nanoseconds");
    }
}
