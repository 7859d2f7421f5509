package io.weir.sql.codegen;

import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** Java expressions that convert a non-null value from one SQL type to another (CAST and widening). */
final class ValueConversions {

    private static final String FUNCTIONS = "io.weir.sql.runtime.SqlFunctions";

    private ValueConversions() {
    }

    static String convert(String value, RelDataType from, RelDataType to) {
        String fromJava = JavaTypes.primitive(from);
        String toJava = JavaTypes.primitive(to);
        SqlTypeName target = to.getSqlTypeName();
        if (target == SqlTypeName.DECIMAL) {
            return toDecimal(value, from, to.getScale());
        }
        if (fromJava.equals(toJava)) {
            return value;
        }
        if (to.getIntervalQualifier() != null && JavaTypes.isNumeric(from)) {
            // In a plan, a number cast to an interval is its raw value (milliseconds or months): TIMESTAMPADD(HOUR,
            // 12, ts) arrives as CAST(12 AS INTERVAL HOUR) times 3600000, as Calcite converts it.
            return "((" + toJava + ") " + value + ")";
        }
        if (from.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                || target == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            String zoned = zoned(value, from, to);
            if (zoned != null) {
                return zoned;
            }
        }
        if (JavaTypes.isString(to)) {
            return fromJava.equals("boolean") || JavaTypes.isPrimitive(from)
                    ? FUNCTIONS + ".toStringValue(" + value + ")" : FUNCTIONS + ".toStringValue((Object) " + value + ")";
        }
        if (JavaTypes.isString(from)) {
            return fromString(value, to);
        }
        if (JavaTypes.isNumeric(to) && JavaTypes.isNumeric(from)) {
            return from.getSqlTypeName() == SqlTypeName.DECIMAL
                    ? value + "." + toJava + "Value()" : "((" + toJava + ") " + value + ")";
        }
        if (target == SqlTypeName.BOOLEAN && JavaTypes.isNumeric(from)) {
            return "(" + value + " != 0)";
        }
        if (JavaTypes.isNumeric(to) && from.getSqlTypeName() == SqlTypeName.BOOLEAN) {
            return "((" + toJava + ") (" + value + " ? 1 : 0))";
        }
        if (target == SqlTypeName.TIMESTAMP && from.getSqlTypeName() == SqlTypeName.DATE) {
            return value + ".atStartOfDay()";
        }
        if (target == SqlTypeName.DATE && from.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            return value + ".toLocalDate()";
        }
        if (target == SqlTypeName.TIME && from.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            return value + ".toLocalTime()";
        }
        throw StatementPlaces.error(Subject.call("CAST"), "CAST from " + from.getFullTypeString() + " to " + to.getFullTypeString()
                + " is not supported by Weir yet; docs/sql.md lists the casts that run");
    }

    /**
     * Casts to and from TIMESTAMP_LTZ: an instant is a wall time in the session time zone
     * ({@link SessionTimeZone}), as in Flink; null where the pair is no such cast.
     */
    private static String zoned(String value, RelDataType from, RelDataType to) {
        String temporal = "io.weir.sql.runtime.TemporalFunctions";
        String zone = CalcCodeGenerator.zoneExpression();
        if (from.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            String local = temporal + ".toLocal(" + value + ", " + zone + ")";
            return switch (to.getSqlTypeName()) {
                case TIMESTAMP -> local;
                case DATE -> local + ".toLocalDate()";
                case TIME -> local + ".toLocalTime()";
                case CHAR, VARCHAR -> FUNCTIONS + ".toStringValue((Object) " + local + ")";
                default -> null;
            };
        }
        String local = switch (from.getSqlTypeName()) {
            case TIMESTAMP -> value;
            case DATE -> value + ".atStartOfDay()";
            case CHAR, VARCHAR -> FUNCTIONS + ".parseTimestamp(" + value + ")";
            default -> null;
        };
        return local == null ? null : temporal + ".toInstant(" + local + ", " + zone + ")";
    }

    private static String toDecimal(String value, RelDataType from, int scale) {
        if (JavaTypes.isString(from)) {
            return FUNCTIONS + ".scale(" + FUNCTIONS + ".parseDecimal(" + value + "), " + scale + ")";
        }
        if (!JavaTypes.isNumeric(from)) {
            throw StatementPlaces.error(Subject.call("CAST"), "CAST from " + from.getFullTypeString()
                    + " to DECIMAL is not supported; docs/sql.md lists the casts that run");
        }
        return FUNCTIONS + ".scale(" + FUNCTIONS + ".decimal(" + value + "), " + scale + ")";
    }

    private static String fromString(String value, RelDataType to) {
        String java = JavaTypes.primitive(to);
        return switch (to.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> "((" + java + ") " + FUNCTIONS + ".parseLong(" + value + "))";
            case FLOAT, REAL, DOUBLE -> "((" + java + ") " + FUNCTIONS + ".parseDouble(" + value + "))";
            case BOOLEAN -> FUNCTIONS + ".parseBoolean(" + value + ")";
            case DATE -> FUNCTIONS + ".parseDate(" + value + ")";
            case TIME -> FUNCTIONS + ".parseTime(" + value + ")";
            case TIMESTAMP -> FUNCTIONS + ".parseTimestamp(" + value + ")";
            default -> throw StatementPlaces.error(Subject.call("CAST"), "CAST from a string to "
                    + to.getFullTypeString() + " is not supported by Weir yet; docs/sql.md lists the casts that run");
        };
    }

    /** The boxed form of a value, as stored in a Row field. */
    static String box(String value, RelDataType type) {
        return JavaTypes.isPrimitive(type) ? JavaTypes.boxed(type) + ".valueOf(" + value + ")" : value;
    }

    /** The unboxed value of a Row field (an Object expression that is not null). */
    static String unbox(String field, RelDataType type) {
        String boxed = JavaTypes.boxed(type);
        return JavaTypes.isPrimitive(type)
                ? "((" + boxed + ") " + field + ")." + JavaTypes.primitive(type) + "Value()"
                : "((" + boxed + ") " + field + ")";
    }
}
