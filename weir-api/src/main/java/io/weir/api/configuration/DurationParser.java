package io.weir.api.configuration;

import java.time.Duration;
import java.util.Locale;

/** Parses durations such as {@code 100ms}, {@code 5 s}, {@code 2min}, {@code 1h}, or a bare number of milliseconds. */
final class DurationParser {
    private DurationParser() {}

    static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("a duration starts with a number, e.g. 100ms, 5s, 2min");
        }
        long amount = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).trim();
        switch (unit) {
            case "":
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "min":
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                throw new IllegalArgumentException("unknown unit '" + unit + "' (use ms, s, min, h or d)");
        }
    }
}
