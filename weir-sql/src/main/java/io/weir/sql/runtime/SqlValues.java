package io.weir.sql.runtime;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** SQL's text forms of values, shared by printing and CAST to STRING. */
public final class SqlValues {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private SqlValues() {
    }

    /** {@code 2024-01-02 03:04:05.678}: SQL's form, with a space and without trailing zeros. */
    public static String formatTimestamp(LocalDateTime timestamp) {
        return TIMESTAMP.format(timestamp);
    }

    /** {@code x'0aff'}. */
    public static String formatBytes(byte[] bytes) {
        StringBuilder text = new StringBuilder("x'");
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.append('\'').toString();
    }
}
