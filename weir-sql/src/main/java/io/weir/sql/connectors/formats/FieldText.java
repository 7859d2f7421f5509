package io.weir.sql.connectors.formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;

/**
 * Reads and writes a SQL field's value as text, by the Java class of the field (as the rows of the
 * SQL layer hold them: {@code Integer} for INT, {@code BigDecimal} for DECIMAL, {@code LocalDateTime}
 * for TIMESTAMP, {@code byte[]} for BYTES as Base64, ...). Timestamps are read with a space or a
 * {@code T} between date and time; written in SQL style ({@code 2026-12-03 19:15:00.5}) or ISO-8601.
 */
public final class FieldText {
    private static final DateTimeFormatter SQL_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private FieldText() {
    }

    /**
     * The value of {@code text} as a {@code type}; throws an {@link IllegalArgumentException} saying
     * what was expected.
     */
    public static Object parse(String text, Class<?> type) {
        try {
            if (type == String.class) {
                return text;
            }
            String trimmed = text.trim();
            if (type == Integer.class) {
                return Integer.valueOf(trimmed);
            } else if (type == Long.class) {
                return Long.valueOf(trimmed);
            } else if (type == Short.class) {
                return Short.valueOf(trimmed);
            } else if (type == Byte.class) {
                return Byte.valueOf(trimmed);
            } else if (type == Double.class) {
                return Double.valueOf(trimmed);
            } else if (type == Float.class) {
                return Float.valueOf(trimmed);
            } else if (type == BigDecimal.class) {
                return new BigDecimal(trimmed);
            } else if (type == Boolean.class) {
                return parseBoolean(trimmed);
            } else if (type == LocalDate.class) {
                return LocalDate.parse(trimmed);
            } else if (type == LocalTime.class) {
                return LocalTime.parse(trimmed);
            } else if (type == LocalDateTime.class) {
                return LocalDateTime.parse(trimmed.replace(' ', 'T').replace("Z", ""));
            } else if (type == Instant.class) {
                return Instant.parse(trimmed.replace(' ', 'T'));
            } else if (type == byte[].class) {
                return Base64.getDecoder().decode(trimmed);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + typeName(type), e);
        }
        throw new IllegalArgumentException("fields of Java type " + type.getName() + " cannot be read from text");
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not true or false");
    }

    /** {@code value} as text; {@code isoTimestamps} writes {@code T} between date and time. */
    public static String format(Object value, boolean isoTimestamps) {
        if (value instanceof LocalDateTime timestamp) {
            return isoTimestamps ? timestamp.toString() : SQL_TIMESTAMP.format(timestamp);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** The SQL name of the type a Java class holds, for messages. */
    public static String typeName(Class<?> type) {
        if (type == Integer.class) {
            return "INT";
        } else if (type == Long.class) {
            return "BIGINT";
        } else if (type == Short.class) {
            return "SMALLINT";
        } else if (type == Byte.class) {
            return "TINYINT";
        } else if (type == Double.class) {
            return "DOUBLE";
        } else if (type == Float.class) {
            return "FLOAT";
        } else if (type == BigDecimal.class) {
            return "DECIMAL";
        } else if (type == Boolean.class) {
            return "BOOLEAN";
        } else if (type == LocalDate.class) {
            return "DATE";
        } else if (type == LocalTime.class) {
            return "TIME";
        } else if (type == LocalDateTime.class) {
            return "TIMESTAMP";
        } else if (type == Instant.class) {
            return "TIMESTAMP_LTZ";
        } else if (type == byte[].class) {
            return "BYTES (Base64)";
        }
        return type == String.class ? "STRING" : type.getSimpleName();
    }
}
