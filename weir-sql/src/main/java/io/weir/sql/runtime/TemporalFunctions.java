package io.weir.sql.runtime;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flink's temporal functions. The functions that depend on the session time zone
 * ({@code table.local-time-zone}) take it as their first argument, a {@link ZoneId} the generated
 * code holds; their overloads without one work in UTC.
 * Format strings are Java's date-time patterns ({@code yyyy-MM-dd HH:mm:ss}), which agree with the
 * SimpleDateFormat patterns Flink takes for the usual letters.
 */
public final class TemporalFunctions {

    private TemporalFunctions() {
    }

    private static final String DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss";
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter cached = FORMATTERS.get(pattern);
        if (cached == null) {
            try {
                cached = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + pattern + "' is no date-time format (" + e.getMessage()
                        + "); use letters such as yyyy-MM-dd HH:mm:ss.SSS", e);
            }
            if (FORMATTERS.size() < 1024) {
                FORMATTERS.put(pattern, cached);
            }
        }
        return cached;
    }

    /** DATE_FORMAT(timestamp | date | string, format): a string is read as {@code yyyy-MM-dd HH:mm:ss} first. */
    public static String dateFormat(Object value, String format) {
        LocalDateTime time = toLocalDateTime(value);
        return time == null ? null : formatter(format).format(time);
    }

    private static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return parse(value.toString(), DEFAULT_FORMAT);
    }

    /** The date-time in the text, or null if it does not match the format (Flink returns NULL). */
    private static LocalDateTime parse(String text, String format) {
        try {
            var parsed = formatter(format).parse(text.trim());
            LocalDate date = parsed.query(java.time.temporal.TemporalQueries.localDate());
            LocalTime time = parsed.query(java.time.temporal.TemporalQueries.localTime());
            if (date == null) {
                return null;
            }
            return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
        } catch (DateTimeParseException e) {
            if (format.equals(DEFAULT_FORMAT)) {
                try {
                    return SqlFunctions.parseTimestamp(text.trim());
                } catch (RuntimeException again) {
                    return null;
                }
            }
            return null;
        }
    }

    /** CONVERT_TZ('yyyy-MM-dd HH:mm:ss', from, to): the wall time in zone {@code from} shown in zone {@code to}. */
    public static String convertTz(String dateTime, String fromZone, String toZone) {
        LocalDateTime time = parse(dateTime, DEFAULT_FORMAT);
        if (time == null) {
            return null;
        }
        LocalDateTime converted = time.atZone(zone(fromZone)).withZoneSameInstant(zone(toZone)).toLocalDateTime();
        return formatter(DEFAULT_FORMAT).format(converted);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id, ZoneId.SHORT_IDS);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + id + "' is no time zone; use a name such as 'America/Los_Angeles', "
                    + "an abbreviation such as 'PST' or an offset such as 'GMT-08:00'", e);
        }
    }

    /** FROM_UNIXTIME(seconds[, format]) in UTC. */
    public static String fromUnixtime(Number seconds, String format) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds.longValue(), 0, ZoneOffset.UTC);
        return formatter(format == null ? DEFAULT_FORMAT : format).format(time);
    }

    public static String fromUnixtime(Number seconds) {
        return fromUnixtime(seconds, null);
    }

    public static long unixTimestamp() {
        return System.currentTimeMillis() / 1000;
    }

    /** UNIX_TIMESTAMP(string[, format]) read in UTC; Long.MIN_VALUE when the text does not parse, as in Flink. */
    public static long unixTimestamp(String text, String format) {
        LocalDateTime time = parse(text, format == null ? DEFAULT_FORMAT : format);
        return time == null ? Long.MIN_VALUE : time.toEpochSecond(ZoneOffset.UTC);
    }

    public static long unixTimestamp(String text) {
        return unixTimestamp(text, null);
    }

    /** TO_TIMESTAMP(string[, format]); NULL when the text does not parse. */
    public static LocalDateTime toTimestamp(String text, String format) {
        return parse(text, format == null ? DEFAULT_FORMAT : format);
    }

    public static LocalDateTime toTimestamp(String text) {
        return toTimestamp(text, null);
    }

    /** TO_DATE(string[, format]), {@code yyyy-MM-dd} by default; NULL when the text does not parse. */
    public static LocalDate toDate(String text, String format) {
        LocalDateTime time = parse(text, format == null ? "yyyy-MM-dd" : format);
        return time == null ? null : time.toLocalDate();
    }

    public static LocalDate toDate(String text) {
        return toDate(text, null);
    }

    /** TO_TIMESTAMP_LTZ(epoch, precision): epoch seconds for precision 0, milliseconds for 3 (the default). */
    public static Instant toTimestampLtz(Number epoch, Number precision) {
        int p = precision == null ? 3 : precision.intValue();
        return switch (p) {
            case 0 -> Instant.ofEpochSecond(epoch.longValue());
            case 3 -> Instant.ofEpochMilli(epoch.longValue());
            default -> throw new IllegalArgumentException("TO_TIMESTAMP_LTZ: precision " + p
                    + " is not supported; use 0 (epoch seconds) or 3 (epoch milliseconds)");
        };
    }

    public static Instant toTimestampLtz(Number epoch) {
        return toTimestampLtz(epoch, null);
    }

    /** EXTRACT(unit FROM date | time | timestamp), as a BIGINT. */
    public static long extract(String unit, Object value) {
        LocalDateTime t = value instanceof LocalTime time ? LocalDate.EPOCH.atTime(time) : toLocalDateTime(value);
        return switch (unit) {
            case "MILLENNIUM" -> (t.getYear() + 999) / 1000;
            case "CENTURY" -> (t.getYear() + 99) / 100;
            case "DECADE" -> t.getYear() / 10;
            case "YEAR" -> t.getYear();
            case "ISOYEAR" -> t.get(IsoFields.WEEK_BASED_YEAR);
            case "QUARTER" -> (t.getMonthValue() + 2) / 3;
            case "MONTH" -> t.getMonthValue();
            case "WEEK" -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "DOY" -> t.getDayOfYear();
            case "DAY" -> t.getDayOfMonth();
            // Sunday is 1 ... Saturday 7, as in Flink.
            case "DOW" -> t.getDayOfWeek().getValue() % 7 + 1;
            case "ISODOW" -> t.getDayOfWeek().getValue();
            case "HOUR" -> t.getHour();
            case "MINUTE" -> t.getMinute();
            case "SECOND" -> t.getSecond();
            case "MILLISECOND" -> t.getSecond() * 1000L + t.getNano() / 1_000_000;
            case "MICROSECOND" -> t.getSecond() * 1_000_000L + t.getNano() / 1000;
            case "NANOSECOND" -> t.getSecond() * 1_000_000_000L + t.getNano();
            case "EPOCH" -> t.toEpochSecond(ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("EXTRACT: unit " + unit + " is not supported");
        };
    }

    /** FLOOR(temporal TO unit). */
    public static Object floor(Object value, String unit) {
        if (value instanceof LocalDate date) {
            return floor(date.atStartOfDay(), unit).toLocalDate();
        }
        if (value instanceof LocalTime time) {
            return floor(LocalDate.EPOCH.atTime(time), unit).toLocalTime();
        }
        return floor((LocalDateTime) value, unit);
    }

    /** CEIL(temporal TO unit): the floor, or the next unit boundary if the value lies after it. */
    public static Object ceil(Object value, String unit) {
        if (value instanceof LocalDate date) {
            return ceil(date.atStartOfDay(), unit).toLocalDate();
        }
        if (value instanceof LocalTime time) {
            return ceil(LocalDate.EPOCH.atTime(time), unit).toLocalTime();
        }
        return ceil((LocalDateTime) value, unit);
    }

    private static LocalDateTime floor(LocalDateTime t, String unit) {
        return switch (unit) {
            case "YEAR" -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "QUARTER" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "MONTH" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "WEEK" -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay();
            case "DAY" -> t.truncatedTo(ChronoUnit.DAYS);
            case "HOUR" -> t.truncatedTo(ChronoUnit.HOURS);
            case "MINUTE" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "SECOND" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "MILLISECOND" -> t.truncatedTo(ChronoUnit.MILLIS);
            default -> throw new IllegalArgumentException("FLOOR/CEIL: unit " + unit + " is not supported");
        };
    }

    private static LocalDateTime ceil(LocalDateTime t, String unit) {
        LocalDateTime floor = floor(t, unit);
        if (floor.equals(t)) {
            return floor;
        }
        return switch (unit) {
            case "YEAR" -> floor.plusYears(1);
            case "QUARTER" -> floor.plusMonths(3);
            case "MONTH" -> floor.plusMonths(1);
            case "WEEK" -> floor.plusWeeks(1);
            case "DAY" -> floor.plusDays(1);
            case "HOUR" -> floor.plusHours(1);
            case "MINUTE" -> floor.plusMinutes(1);
            case "SECOND" -> floor.plusSeconds(1);
            default -> floor.plus(1, ChronoUnit.MILLIS);
        };
    }

    /** {@code t1 - t2} of two dates, times or timestamps, as an interval: milliseconds, or whole months. */
    public static long minusMillis(Object t1, Object t2) {
        return ChronoUnit.MILLIS.between(toLocalDateTimeOrTime(t2), toLocalDateTimeOrTime(t1));
    }

    public static int minusMonths(Object t1, Object t2) {
        return (int) ChronoUnit.MONTHS.between(toLocalDateTimeOrTime(t2), toLocalDateTimeOrTime(t1));
    }

    private static LocalDateTime toLocalDateTimeOrTime(Object value) {
        return value instanceof LocalTime time ? LocalDate.EPOCH.atTime(time) : toLocalDateTime(value);
    }

    /** A date or timestamp plus a number of months (a year-month interval). */
    public static Object plusMonths(Object value, long months) {
        if (value instanceof LocalDate date) {
            return date.plusMonths(months);
        }
        return ((LocalDateTime) value).plusMonths(months);
    }

    /** A date plus a day-time interval in milliseconds (whole days, as a DATE holds no time). */
    public static LocalDate plusMillis(LocalDate date, long millis) {
        return date.plusDays(Math.floorDiv(millis, 86_400_000L));
    }

    public static LocalDateTime localTimestamp() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    public static LocalDate currentDate() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static LocalTime currentTime() {
        return LocalTime.now(ZoneOffset.UTC);
    }

    public static Instant now() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }

    // The session time zone (table.local-time-zone): generated code passes it first.

    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    /** The zone with this id (as the planner wrote it into generated code), cached. */
    public static ZoneId sessionZone(String id) {
        return ZONES.computeIfAbsent(id, ZoneId::of);
    }

    /** DATE_FORMAT with a TIMESTAMP_LTZ shown in the session zone. */
    public static String dateFormat(ZoneId zone, Object value, String format) {
        return value instanceof Instant i ? formatter(format).format(LocalDateTime.ofInstant(i, zone))
                : dateFormat(value, format);
    }

    /**
     * DATE_FORMAT_TZ(timestamp, format[, zone]): a TIMESTAMP_LTZ, or a TIMESTAMP read as UTC, shown in
     * {@code zone} (the session zone without one).
     */
    public static String dateFormatTz(ZoneId session, Object value, String format, String zone) {
        ZoneId target = zone == null ? session : zone(zone);
        Instant instant = value instanceof Instant i ? i : toLocalDateTime(value).toInstant(ZoneOffset.UTC);
        return formatter(format).format(LocalDateTime.ofInstant(instant, target));
    }

    public static String dateFormatTz(ZoneId session, Object value, String format) {
        return dateFormatTz(session, value, format, null);
    }

    /** FROM_UNIXTIME(seconds[, format]) shown in the session zone. */
    public static String fromUnixtime(ZoneId zone, Number seconds, String format) {
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds.longValue()), zone);
        return formatter(format == null ? DEFAULT_FORMAT : format).format(time);
    }

    public static String fromUnixtime(ZoneId zone, Number seconds) {
        return fromUnixtime(zone, seconds, null);
    }

    public static long unixTimestamp(ZoneId zone) {
        return unixTimestamp();
    }

    /** UNIX_TIMESTAMP(string[, format]) read in the session zone; Long.MIN_VALUE when the text does not parse. */
    public static long unixTimestamp(ZoneId zone, String text, String format) {
        LocalDateTime time = parse(text, format == null ? DEFAULT_FORMAT : format);
        return time == null ? Long.MIN_VALUE : time.atZone(zone).toEpochSecond();
    }

    public static long unixTimestamp(ZoneId zone, String text) {
        return unixTimestamp(zone, text, null);
    }

    /** EXTRACT of a TIMESTAMP_LTZ reads its wall time in the session zone. */
    public static long extract(ZoneId zone, String unit, Object value) {
        return extract(unit, value instanceof Instant i ? LocalDateTime.ofInstant(i, zone) : value);
    }

    public static LocalDateTime localTimestamp(ZoneId zone) {
        return LocalDateTime.now(zone).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static LocalDate currentDate(ZoneId zone) {
        return LocalDate.now(zone);
    }

    public static LocalTime currentTime(ZoneId zone) {
        return LocalTime.now(zone).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** A TIMESTAMP_LTZ as the wall time in the session zone (CAST to TIMESTAMP, DATE, TIME or STRING). */
    public static LocalDateTime toLocal(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** A TIMESTAMP read as a wall time in the session zone (CAST to TIMESTAMP_LTZ). */
    public static Instant toInstant(LocalDateTime time, ZoneId zone) {
        return time.atZone(zone).toInstant();
    }
}
