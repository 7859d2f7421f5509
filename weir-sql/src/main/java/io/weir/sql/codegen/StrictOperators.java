package io.weir.sql.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The value expressions of strict operators (null in, null out): arithmetic, comparisons, CAST,
 * NOT and the string functions. Each returns a Java expression over its operands' value terms,
 * evaluated only when no operand is null.
 */
final class StrictOperators {

    private static final String FUNCTIONS = "io.weir.sql.runtime.SqlFunctions";
    private static final String GROUP_WINDOWS = "io.weir.sql.runtime.window.GroupWindowTimes";

    private StrictOperators() {
    }

    static String value(CalcCodeGenerator g, RexCall call, List<ExprCode> operands) {
        RelDataType type = call.getType();
        switch (call.getKind()) {
            case PLUS, MINUS, TIMES, DIVIDE, MOD:
                return arithmetic(call.getKind(), operands.get(0), operands.get(1), type);
            case MINUS_PREFIX:
                return type.getSqlTypeName() == SqlTypeName.DECIMAL ? operands.get(0).valueTerm() + ".negate()"
                        : "((" + JavaTypes.primitive(type) + ") -" + operands.get(0).valueTerm() + ")";
            case PLUS_PREFIX:
                return operands.get(0).valueTerm();
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL:
                return comparison(call.getKind(), operands.get(0), operands.get(1));
            case NOT:
                return "!" + operands.get(0).valueTerm();
            case CAST:
                return ValueConversions.convert(operands.get(0).valueTerm(), operands.get(0).type(), type);
            case REINTERPRET:
                // An interval read as its number (milliseconds or months), as TIMESTAMPDIFF's plan does.
                return "((" + JavaTypes.primitive(type) + ") " + operands.get(0).valueTerm() + ")";
            case LIKE:
                return like(g, call, operands);
            case SIMILAR:
                return (call.getOperator().getName().startsWith("NOT") ? "!" : "")
                        + "io.weir.sql.runtime.StringFunctions.similar(" + String.join(", ",
                        operands.stream().map(ExprCode::valueTerm).toList()) + ")";
            case TRIM:
                return FUNCTIONS + ".trim(\"" + OperatorCode.symbol(call.getOperands().get(0)) + "\", "
                        + operands.get(1).valueTerm() + ", " + operands.get(2).valueTerm() + ")";
            case POSITION:
                return FUNCTIONS + ".position(" + operands.get(0).valueTerm() + ", " + operands.get(1).valueTerm() + ")";
            default:
                return function(g, call, operands, type);
        }
    }

    private static String function(CalcCodeGenerator g, RexCall call, List<ExprCode> operands, RelDataType type) {
        String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
        String a = operands.isEmpty() ? null : operands.get(0).valueTerm();
        return switch (name) {
            // Wall-clock milliseconds, like Flink's processing time (TIMESTAMP_LTZ(3)).
            case "PROCTIME" -> "java.time.Instant.ofEpochMilli(System.currentTimeMillis())";
            case "UPPER" -> a + ".toUpperCase(java.util.Locale.ROOT)";
            case "LOWER" -> a + ".toLowerCase(java.util.Locale.ROOT)";
            case "CHAR_LENGTH", "CHARACTER_LENGTH" -> a + ".length()";
            case "CARDINALITY" -> FUNCTIONS + (operands.get(0).type().getSqlTypeName() == SqlTypeName.MULTISET
                    ? ".multisetCardinality(" : ".cardinality(") + a + ")";
            case "||" -> operands.stream().map(o -> ValueConversions.convert(o.valueTerm(), o.type(), type))
                    .reduce((x, y) -> x + " + " + y).orElseThrow();
            case "SUBSTRING" -> FUNCTIONS + ".substring(" + a + ", " + operands.get(1).valueTerm()
                    + (operands.size() > 2 ? ", " + operands.get(2).valueTerm() : "") + ")";
            case "ABS" -> type.getSqlTypeName() == SqlTypeName.DECIMAL ? a + ".abs()"
                    : "((" + JavaTypes.primitive(type) + ") Math.abs(" + a + "))";
            case "MOD" -> arithmetic(SqlKind.MOD, operands.get(0), operands.get(1), type);
            // Integer division, as TIMESTAMPDIFF's plan divides an interval by its unit.
            case "/INT" -> "((" + JavaTypes.primitive(type) + ") (" + a + " / " + operands.get(1).valueTerm() + "))";
            // A legacy TUMBLE's start; over a TIMESTAMP_LTZ time, a wall time of the session zone.
            case "$TUMBLE" -> GROUP_WINDOWS + ".tumbleStart(" + a + ", " + operands.get(1).valueTerm() + ", "
                    + (operands.size() > 2 ? operands.get(2).valueTerm() : "(java.time.LocalTime) null")
                    + (operands.get(0).type().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                            ? ", " + g.zone() : "") + ")";
            // A legacy window's rowtime (TUMBLE_ROWTIME and the others): its end minus 1 ms; with a second
            // operand, the end is a TUMBLE's or HOP's wall time over a TIMESTAMP_LTZ (WindowTimeFunctions).
            case "$WINDOW_ROWTIME" -> GROUP_WINDOWS + ".rowtime(" + a + (operands.size() > 1 ? ", " + g.zone() : "") + ")";
            // A legacy TUMBLE's or HOP's start or end over a TIMESTAMP_LTZ: its wall time (WindowTimeFunctions).
            case "$WINDOW_BOUND" -> GROUP_WINDOWS + ".wallTime(" + a + ")";
            // A session's key is the row's time; the session window aggregate turns it into the session's start.
            case "$SESSION" -> a;
            // A hop's key is the row's time too; GroupByHopFunction puts the row into each of its windows.
            case "$HOP" -> a;
            default -> throw OperatorCode.unsupported(call);
        };
    }

    private static String arithmetic(SqlKind kind, ExprCode left, ExprCode right, RelDataType type) {
        if ((type.getSqlTypeName() == SqlTypeName.TIMESTAMP || type.getSqlTypeName() == SqlTypeName.DATE)
                && (kind == SqlKind.PLUS || kind == SqlKind.MINUS)) {
            return timestampArithmetic(kind, left, right);
        }
        if (type.getSqlTypeName() == SqlTypeName.TIME && (kind == SqlKind.PLUS || kind == SqlKind.MINUS)) {
            return timeArithmetic(kind, left, right);
        }
        if (type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                && (kind == SqlKind.PLUS || kind == SqlKind.MINUS)) {
            // An instant plus or minus a day-time interval (the legacy SESSION_END of a PROCTIME(): MAX(pt) + gap).
            boolean instantFirst = left.type().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
            ExprCode instant = instantFirst ? left : right;
            ExprCode interval = instantFirst ? right : left;
            if (!SqlTypeName.DAY_INTERVAL_TYPES.contains(interval.type().getSqlTypeName())) {
                throw new io.weir.sql.api.ValidationException("TIMESTAMP_LTZ arithmetic with "
                        + interval.type().getFullTypeString() + " is not supported by Weir yet; use a day-time "
                        + "interval such as INTERVAL '5' SECOND");
            }
            return instant.valueTerm() + ".plus(" + (kind == SqlKind.MINUS ? "-" : "") + interval.valueTerm()
                    + ", java.time.temporal.ChronoUnit.MILLIS)";
        }
        if (kind == SqlKind.MINUS && isDatetime(left.type()) && isDatetime(right.type())) {
            // t1 - t2 as an interval (TIMESTAMPDIFF): whole months for a year-month interval, else milliseconds.
            return (SqlTypeName.YEAR_INTERVAL_TYPES.contains(type.getSqlTypeName())
                    ? FUNCTIONS_TEMPORAL + ".minusMonths(" : FUNCTIONS_TEMPORAL + ".minusMillis(")
                    + left.valueTerm() + ", " + right.valueTerm() + ")";
        }
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            String a = FUNCTIONS + ".decimal(" + left.valueTerm() + ")";
            String b = FUNCTIONS + ".decimal(" + right.valueTerm() + ")";
            return switch (kind) {
                case PLUS -> FUNCTIONS + ".scale(" + a + ".add(" + b + "), " + type.getScale() + ")";
                case MINUS -> FUNCTIONS + ".scale(" + a + ".subtract(" + b + "), " + type.getScale() + ")";
                case TIMES -> FUNCTIONS + ".scale(" + a + ".multiply(" + b + "), " + type.getScale() + ")";
                case DIVIDE -> FUNCTIONS + ".divide(" + a + ", " + b + ", " + type.getScale() + ")";
                default -> FUNCTIONS + ".scale(" + a + ".remainder(" + b + "), " + type.getScale() + ")";
            };
        }
        String java = JavaTypes.primitive(type);
        String a = ValueConversions.convert(left.valueTerm(), left.type(), type);
        String b = ValueConversions.convert(right.valueTerm(), right.type(), type);
        String operator = switch (kind) {
            case PLUS -> "+";
            case MINUS -> "-";
            case TIMES -> "*";
            case DIVIDE -> "/";
            default -> "%";
        };
        return "((" + java + ") (" + a + " " + operator + " " + b + "))";
    }

    private static final String FUNCTIONS_TEMPORAL = "io.weir.sql.runtime.TemporalFunctions";

    private static boolean isDatetime(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case DATE, TIME, TIMESTAMP -> true;
            default -> false;
        };
    }

    /**
     * TIMESTAMP or DATE plus or minus an INTERVAL: a day-time one (held as milliseconds), e.g.
     * {@code ts - INTERVAL '5' SECOND}, or a year-month one (months), e.g. {@code d + INTERVAL '1' MONTH}.
     */
    private static String timestampArithmetic(SqlKind kind, ExprCode left, ExprCode right) {
        boolean timestampFirst = isDatetime(left.type());
        ExprCode timestamp = timestampFirst ? left : right;
        ExprCode interval = timestampFirst ? right : left;
        String sign = kind == SqlKind.MINUS ? "-" : "";
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(interval.type().getSqlTypeName())) {
            return "((" + JavaTypes.boxed(timestamp.type()) + ") " + FUNCTIONS_TEMPORAL + ".plusMonths("
                    + timestamp.valueTerm() + ", " + sign + "(long) " + interval.valueTerm() + "))";
        }
        if (timestamp.type().getSqlTypeName() == SqlTypeName.DATE
                && SqlTypeName.DAY_INTERVAL_TYPES.contains(interval.type().getSqlTypeName())) {
            return FUNCTIONS_TEMPORAL + ".plusMillis(" + timestamp.valueTerm() + ", " + sign + interval.valueTerm() + ")";
        }
        if (!SqlTypeName.DAY_INTERVAL_TYPES.contains(interval.type().getSqlTypeName())) {
            throw new io.weir.sql.api.ValidationException("TIMESTAMP arithmetic with " + interval.type().getFullTypeString()
                    + " is not supported by Weir yet; use a day-time interval such as INTERVAL '5' SECOND");
        }
        String millis = kind == SqlKind.MINUS ? "-" + interval.valueTerm() : interval.valueTerm();
        return timestamp.valueTerm() + ".plus(" + millis + ", java.time.temporal.ChronoUnit.MILLIS)";
    }

    /**
     * TIME plus or minus a day-time INTERVAL: the clock moves on and wraps at midnight, as in Flink
     * ({@code TIME '23:30:00' + INTERVAL '1' HOUR} is 00:30:00). It also gives the end of an OVERLAPS
     * period written as a TIME start and an interval.
     */
    private static String timeArithmetic(SqlKind kind, ExprCode left, ExprCode right) {
        boolean timeFirst = left.type().getSqlTypeName() == SqlTypeName.TIME;
        ExprCode time = timeFirst ? left : right;
        ExprCode interval = timeFirst ? right : left;
        if (!SqlTypeName.DAY_INTERVAL_TYPES.contains(interval.type().getSqlTypeName())) {
            throw new io.weir.sql.api.ValidationException("TIME arithmetic with " + interval.type().getFullTypeString()
                    + " is not supported; use a day-time interval such as INTERVAL '5' MINUTE");
        }
        String millis = kind == SqlKind.MINUS ? "-" + interval.valueTerm() : interval.valueTerm();
        return time.valueTerm() + ".plus(" + millis + ", java.time.temporal.ChronoUnit.MILLIS)";
    }

    private static String comparison(SqlKind kind, ExprCode left, ExprCode right) {
        String operator = switch (kind) {
            case EQUALS -> "==";
            case NOT_EQUALS -> "!=";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            default -> ">=";
        };
        RelDataType l = left.type();
        RelDataType r = right.type();
        if (JavaTypes.isNumeric(l) && JavaTypes.isNumeric(r)) {
            if (l.getSqlTypeName() == SqlTypeName.DECIMAL || r.getSqlTypeName() == SqlTypeName.DECIMAL) {
                return FUNCTIONS + ".decimal(" + left.valueTerm() + ").compareTo(" + FUNCTIONS + ".decimal("
                        + right.valueTerm() + ")) " + operator + " 0";
            }
            return left.valueTerm() + " " + operator + " " + right.valueTerm();
        }
        if (l.getSqlTypeName() == SqlTypeName.BOOLEAN) {
            return "Boolean.compare(" + left.valueTerm() + ", " + right.valueTerm() + ") " + operator + " 0";
        }
        if (JavaTypes.isPrimitive(l) && JavaTypes.isPrimitive(r)) {
            return left.valueTerm() + " " + operator + " " + right.valueTerm();
        }
        return left.valueTerm() + ".compareTo(" + right.valueTerm() + ") " + operator + " 0";
    }

    private static String like(CalcCodeGenerator g, RexCall call, List<ExprCode> operands) {
        String negate = call.getOperator().getName().startsWith("NOT") ? "!" : "";
        if (call.getOperands().size() > 2) {
            // LIKE ... ESCAPE e
            return negate + "io.weir.sql.runtime.StringFunctions.like(" + operands.get(0).valueTerm() + ", "
                    + operands.get(1).valueTerm() + ", " + operands.get(2).valueTerm() + ")";
        }
        if (call.getOperands().get(1) instanceof RexLiteral pattern) {
            String constant = g.constant("java.util.regex.Pattern", FUNCTIONS + ".likePattern("
                    + LiteralCode.javaString(pattern.getValueAs(String.class)) + ")");
            return negate + constant + ".matcher(" + operands.get(0).valueTerm() + ").matches()";
        }
        return negate + FUNCTIONS + ".like(" + operands.get(0).valueTerm() + ", " + operands.get(1).valueTerm() + ")";
    }
}
