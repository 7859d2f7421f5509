package io.weir.sql.codegen;

import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Code for literals: inline for primitives and strings, a constant field for objects. */
final class LiteralCode {

    private LiteralCode() {
    }

    static ExprCode generate(CalcCodeGenerator generator, RexLiteral literal) {
        RelDataType type = literal.getType();
        ExprCode code = generator.declare(type);
        if (literal.isNull()) {
            return code;
        }
        String value = switch (type.getSqlTypeName()) {
            case BOOLEAN -> String.valueOf(literal.getValueAs(Boolean.class));
            case TINYINT -> "(byte) " + literal.getValueAs(Long.class);
            case SMALLINT -> "(short) " + literal.getValueAs(Long.class);
            case INTEGER -> String.valueOf(literal.getValueAs(Long.class).intValue());
            case BIGINT -> literal.getValueAs(Long.class) + "L";
            case FLOAT, REAL -> literal.getValueAs(Double.class) + "f";
            case DOUBLE -> literal.getValueAs(Double.class) + "d";
            case DECIMAL -> generator.constant("java.math.BigDecimal",
                    "new java.math.BigDecimal(\"" + literal.getValueAs(BigDecimal.class).toPlainString() + "\")");
            case CHAR, VARCHAR -> javaString(literal.getValueAs(NlsString.class).getValue());
            case DATE -> generator.constant("java.time.LocalDate",
                    "java.time.LocalDate.parse(\"" + literal.getValueAs(DateString.class) + "\")");
            case TIME -> generator.constant("java.time.LocalTime",
                    "java.time.LocalTime.parse(\"" + literal.getValueAs(TimeString.class) + "\")");
            case TIMESTAMP -> generator.constant("java.time.LocalDateTime", "java.time.LocalDateTime.parse(\""
                    + literal.getValueAs(TimestampString.class).toString().replace(' ', 'T') + "\")");
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH ->
                    String.valueOf(literal.getValueAs(BigDecimal.class).intValue());
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> literal.getValueAs(BigDecimal.class).longValue() + "L";
            default -> throw new io.weir.sql.api.ValidationException("Literal " + literal + " of type "
                    + type.getFullTypeString() + " is not supported by Weir's SQL runtime yet");
        };
        generator.body().append(code.nullTerm()).append(" = false;\n")
                .append(code.valueTerm()).append(" = ").append(value).append(";\n");
        return code;
    }

    static String javaString(String text) {
        StringBuilder java = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> java.append("\\\"");
                case '\\' -> java.append("\\\\");
                case '\n' -> java.append("\\n");
                case '\r' -> java.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        java.append(String.format("\\u%04x", (int) c));
                    } else {
                        java.append(c);
                    }
                }
            }
        }
        return java.append('"').toString();
    }
}
