package io.weir.sql.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Pattern;

/**
 * Built-in functions that generated code calls: the parts of SQL semantics too long to inline
 * (casts from strings, decimal arithmetic, LIKE, TRIM). All arguments are non-null; generated code
 * handles nulls before calling.
 */
public final class SqlFunctions {

    private SqlFunctions() {
    }

    public static BigDecimal decimal(long value) {
        return BigDecimal.valueOf(value);
    }

    public static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    public static BigDecimal decimal(BigDecimal value) {
        return value;
    }

    /** Rounds a decimal to the scale of its SQL type, half up as Flink does. */
    public static BigDecimal scale(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale) {
        return a.divide(b, new MathContext(38, RoundingMode.HALF_UP)).setScale(scale, RoundingMode.HALF_UP);
    }

    public static String toStringValue(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    public static String toStringValue(Object value) {
        if (value instanceof LocalDateTime timestamp) {
            return SqlValues.formatTimestamp(timestamp);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    public static long parseLong(String text) {
        return Long.parseLong(text.trim());
    }

    public static double parseDouble(String text) {
        return Double.parseDouble(text.trim());
    }

    public static BigDecimal parseDecimal(String text) {
        return new BigDecimal(text.trim());
    }

    public static boolean parseBoolean(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("Cannot cast '" + text + "' to BOOLEAN");
    }

    public static LocalDate parseDate(String text) {
        return LocalDate.parse(text.trim());
    }

    public static LocalTime parseTime(String text) {
        return LocalTime.parse(text.trim());
    }

    public static LocalDateTime parseTimestamp(String text) {
        return LocalDateTime.parse(text.trim().replace(' ', 'T'));
    }

    public static int compare(Comparable<Object> a, Object b) {
        return a.compareTo(b);
    }

    public static String substring(String text, long start) {
        return substring(text, start, Integer.MAX_VALUE);
    }

    /** SQL SUBSTRING: 1-based start; a start before 1 eats into the length, as in the standard. */
    public static String substring(String text, long start, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("SUBSTRING length must not be negative: " + length);
        }
        long from = start - 1;
        long to = Math.min(text.length(), from + length);
        from = Math.max(0, from);
        return from >= to ? "" : text.substring((int) from, (int) to);
    }

    public static String trim(String flag, String characters, String text) {
        int start = 0;
        int end = text.length();
        if (!flag.equals("TRAILING")) {
            while (start < end && characters.indexOf(text.charAt(start)) >= 0) {
                start++;
            }
        }
        if (!flag.equals("LEADING")) {
            while (end > start && characters.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return text.substring(start, end);
    }

    public static int position(String needle, String haystack) {
        return haystack.indexOf(needle) + 1;
    }

    /** A SQL LIKE pattern ({@code %}, {@code _}) as a regular expression. */
    public static Pattern likePattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    public static boolean like(String text, String pattern) {
        return likePattern(pattern).matcher(text).matches();
    }

    /** {@code arr[i]} (from 1) of a List, {@code map[key]} of a Map: null if out of range or absent. */
    public static Object item(Object collection, Object key) {
        if (collection instanceof java.util.List<?> list) {
            int index = ((Number) key).intValue();
            return index >= 1 && index <= list.size() ? list.get(index - 1) : null;
        }
        return ((java.util.Map<?, ?>) collection).get(key);
    }

    /** {@code CARDINALITY} of an ARRAY (its elements) or a MAP (its entries). */
    public static int cardinality(Object collection) {
        return collection instanceof java.util.List<?> list ? list.size() : ((java.util.Map<?, ?>) collection).size();
    }

    /** {@code CARDINALITY} of a MULTISET, held as each element's count: the elements with their repeats. */
    public static int multisetCardinality(java.util.Map<?, ?> counts) {
        int total = 0;
        for (Object count : counts.values()) {
            total += ((Number) count).intValue();
        }
        return total;
    }

    /** {@code ARRAY_CONTAINS}: whether the array holds {@code element} (a null element too). */
    public static boolean arrayContains(java.util.List<?> array, Object element) {
        return array.contains(element);
    }
}
