package io.weir.sql.codegen;

import io.weir.sql.api.ValidationException;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The Java types generated code holds SQL values in: primitives for numbers and booleans,
 * {@code String}, {@code BigDecimal} and java.time classes otherwise. Rows hold the boxed form.
 */
final class JavaTypes {

    private JavaTypes() {
    }

    /** The type of a local variable holding a value of the SQL type. */
    static String primitive(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> "boolean";
            case TINYINT -> "byte";
            case SMALLINT -> "short";
            case INTEGER -> "int";
            case BIGINT -> "long";
            case FLOAT, REAL -> "float";
            case DOUBLE -> "double";
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> "int";
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> "long";
            default -> boxed(type);
        };
    }

    /** The class of the value in a Row field. */
    static String boxed(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> "Boolean";
            case TINYINT -> "Byte";
            case SMALLINT -> "Short";
            case INTEGER -> "Integer";
            case BIGINT -> "Long";
            case FLOAT, REAL -> "Float";
            case DOUBLE -> "Double";
            case DECIMAL -> "java.math.BigDecimal";
            case CHAR, VARCHAR -> "String";
            case BINARY, VARBINARY -> "byte[]";
            case DATE -> "java.time.LocalDate";
            case TIME -> "java.time.LocalTime";
            case TIMESTAMP -> "java.time.LocalDateTime";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "java.time.Instant";
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> "Integer";
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> "Long";
            case NULL -> "Object";
            case ROW -> "io.weir.api.types.Row";
            case ARRAY -> "java.util.List";
            case MAP, MULTISET -> "java.util.Map";
            default -> throw new ValidationException("Expressions of type " + type.getFullTypeString()
                    + " are not supported by Weir's SQL runtime yet; docs/sql.md lists the types that run");
        };
    }

    static boolean isPrimitive(RelDataType type) {
        return !primitive(type).equals(boxed(type));
    }

    static boolean isNumeric(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, REAL, DOUBLE, DECIMAL -> true;
            default -> false;
        };
    }

    static boolean isString(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case CHAR, VARCHAR -> true;
            default -> false;
        };
    }

    /** A default value of the local variable's type, assigned while the value is null. */
    static String defaultValue(RelDataType type) {
        return switch (primitive(type)) {
            case "boolean" -> "false";
            case "byte" -> "(byte) 0";
            case "short" -> "(short) 0";
            case "int" -> "0";
            case "long" -> "0L";
            case "float" -> "0f";
            case "double" -> "0d";
            default -> "null";
        };
    }
}
