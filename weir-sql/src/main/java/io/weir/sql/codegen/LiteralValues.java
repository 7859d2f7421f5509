package io.weir.sql.codegen;

import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** The Java value a Row field holds for a literal (VALUES rows), matching {@link JavaTypes#boxed}. */
public final class LiteralValues {

    private LiteralValues() {
    }

    public static Object toJava(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        return switch (literal.getType().getSqlTypeName()) {
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case TINYINT -> literal.getValueAs(Long.class).byteValue();
            case SMALLINT -> literal.getValueAs(Long.class).shortValue();
            case INTEGER -> literal.getValueAs(Long.class).intValue();
            case BIGINT -> literal.getValueAs(Long.class);
            case FLOAT, REAL -> literal.getValueAs(Double.class).floatValue();
            case DOUBLE -> literal.getValueAs(Double.class);
            case DECIMAL -> literal.getValueAs(BigDecimal.class);
            case CHAR, VARCHAR -> literal.getValueAs(NlsString.class).getValue();
            case DATE -> LocalDate.parse(literal.getValueAs(DateString.class).toString());
            case TIME -> LocalTime.parse(literal.getValueAs(TimeString.class).toString());
            case TIMESTAMP -> LocalDateTime.parse(literal.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
            default -> throw StatementPlaces.error(Subject.values(), "VALUES with a literal of type "
                    + literal.getType().getFullTypeString() + " is not supported by Weir yet; CAST it from a string "
                    + "or a number in the VALUES");
        };
    }
}
