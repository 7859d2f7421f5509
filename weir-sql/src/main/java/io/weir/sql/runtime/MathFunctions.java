package io.weir.sql.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Flink's numeric functions. The result is a {@link Number} that generated code converts to the
 * call's type (DOUBLE for the transcendental ones; the argument's type for CEIL, FLOOR, ROUND,
 * TRUNCATE and SIGN).
 */
public final class MathFunctions {

    private MathFunctions() {
    }

    public static double power(Number a, Number b) {
        return Math.pow(a.doubleValue(), b.doubleValue());
    }

    /** A one-argument function of doubles by name: SQRT, LN, LOG10, LOG2, EXP, SIN, ... */
    public static Double apply(String name, Number x) {
        double v = x.doubleValue();
        return switch (name) {
            case "SQRT" -> Math.sqrt(v);
            case "LN" -> v <= 0 ? null : Math.log(v);
            case "LOG10" -> v <= 0 ? null : Math.log10(v);
            case "LOG2" -> v <= 0 ? null : Math.log(v) / Math.log(2);
            case "EXP" -> Math.exp(v);
            case "SIN" -> Math.sin(v);
            case "COS" -> Math.cos(v);
            case "TAN" -> Math.tan(v);
            case "COT" -> 1.0d / Math.tan(v);
            case "ASIN" -> Math.asin(v);
            case "ACOS" -> Math.acos(v);
            case "ATAN" -> Math.atan(v);
            case "SINH" -> Math.sinh(v);
            case "COSH" -> Math.cosh(v);
            case "TANH" -> Math.tanh(v);
            case "CBRT" -> Math.cbrt(v);
            case "DEGREES" -> Math.toDegrees(v);
            case "RADIANS" -> Math.toRadians(v);
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static double atan2(Number y, Number x) {
        return Math.atan2(y.doubleValue(), x.doubleValue());
    }

    /** LOG(x) is the natural logarithm; LOG(base, x) the logarithm to {@code base}, as in Flink. NULL outside their domain. */
    public static Double log(Number a, Number b) {
        if (b == null) {
            return a.doubleValue() <= 0 ? null : Math.log(a.doubleValue());
        }
        double base = a.doubleValue();
        double x = b.doubleValue();
        return base <= 1 || x <= 0 ? null : Math.log(x) / Math.log(base);
    }

    public static Double log(Number a) {
        return log(a, null);
    }

    public static Number ceil(Number x) {
        if (x instanceof BigDecimal d) {
            return d.setScale(0, RoundingMode.CEILING);
        }
        return x instanceof Double || x instanceof Float ? (Number) Math.ceil(x.doubleValue()) : x;
    }

    public static Number floor(Number x) {
        if (x instanceof BigDecimal d) {
            return d.setScale(0, RoundingMode.FLOOR);
        }
        return x instanceof Double || x instanceof Float ? (Number) Math.floor(x.doubleValue()) : x;
    }

    /** Rounded half away from zero to {@code places} decimal places (negative: to tens, hundreds, ...). */
    public static Number round(Number x, Number places) {
        return scaleTo(x, places == null ? 0 : places.intValue(), RoundingMode.HALF_UP);
    }

    public static Number round(Number x) {
        return round(x, null);
    }

    /** Cut towards zero to {@code places} decimal places. */
    public static Number truncate(Number x, Number places) {
        return scaleTo(x, places == null ? 0 : places.intValue(), RoundingMode.DOWN);
    }

    public static Number truncate(Number x) {
        return truncate(x, null);
    }

    private static Number scaleTo(Number x, int places, RoundingMode mode) {
        if (x instanceof Double || x instanceof Float) {
            double v = x.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return v;
            }
            return new BigDecimal(Double.toString(v)).setScale(places, mode).doubleValue();
        }
        BigDecimal d = x instanceof BigDecimal b ? b : BigDecimal.valueOf(x.longValue());
        BigDecimal scaled = d.setScale(places, mode);
        return x instanceof BigDecimal ? scaled : (Number) scaled.longValue();
    }

    public static Number sign(Number x) {
        if (x instanceof BigDecimal d) {
            return BigDecimal.valueOf(d.signum());
        }
        if (x instanceof Double || x instanceof Float) {
            return Math.signum(x.doubleValue());
        }
        return Long.signum(x.longValue());
    }

    public static double pi() {
        return Math.PI;
    }

    public static double e() {
        return Math.E;
    }

    public static double rand() {
        return ThreadLocalRandom.current().nextDouble();
    }

    /** RAND_INTEGER(bound): a pseudorandom integer in [0, bound). */
    public static int randInteger(Number bound) {
        return ThreadLocalRandom.current().nextInt(bound.intValue());
    }

    /** A returned number as a BigDecimal, for a DECIMAL result. */
    public static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        Number n = (Number) value;
        return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
    }

    /** A returned time as a TIMESTAMP (an instant is read in UTC, the session time zone). */
    public static java.time.LocalDateTime toLocalDateTime(Object value) {
        return value instanceof java.time.Instant i ? java.time.LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC)
                : (java.time.LocalDateTime) value;
    }

    /** A returned time as a TIMESTAMP_LTZ. */
    public static java.time.Instant toInstant(Object value) {
        return value instanceof java.time.LocalDateTime t ? t.toInstant(java.time.ZoneOffset.UTC) : (java.time.Instant) value;
    }
}
