package io.weir.sql.udf;

import io.weir.sql.annotation.DataTypeHint;
import io.weir.sql.annotation.FunctionHint;
import io.weir.sql.api.ValidationException;
import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL types of a user-defined function's Java classes, as Flink extracts them: the default
 * class of each SQL type maps to it ({@code Integer}/{@code int} to INT, {@code String} to STRING,
 * {@code LocalDateTime} to TIMESTAMP(9), ...), and {@code @DataTypeHint} overrides it or says what a
 * class cannot ({@code Row}, a DECIMAL's precision). Hints are parsed with the DDL's type syntax.
 */
public final class JavaSqlTypes {

    private static final Map<Class<?>, SqlTypeName> DEFAULTS = Map.ofEntries(
            Map.entry(Boolean.class, SqlTypeName.BOOLEAN), Map.entry(boolean.class, SqlTypeName.BOOLEAN),
            Map.entry(Byte.class, SqlTypeName.TINYINT), Map.entry(byte.class, SqlTypeName.TINYINT),
            Map.entry(Short.class, SqlTypeName.SMALLINT), Map.entry(short.class, SqlTypeName.SMALLINT),
            Map.entry(Integer.class, SqlTypeName.INTEGER), Map.entry(int.class, SqlTypeName.INTEGER),
            Map.entry(Long.class, SqlTypeName.BIGINT), Map.entry(long.class, SqlTypeName.BIGINT),
            Map.entry(Float.class, SqlTypeName.FLOAT), Map.entry(float.class, SqlTypeName.FLOAT),
            Map.entry(Double.class, SqlTypeName.DOUBLE), Map.entry(double.class, SqlTypeName.DOUBLE),
            Map.entry(String.class, SqlTypeName.VARCHAR), Map.entry(byte[].class, SqlTypeName.VARBINARY),
            Map.entry(BigDecimal.class, SqlTypeName.DECIMAL), Map.entry(LocalDate.class, SqlTypeName.DATE),
            Map.entry(LocalTime.class, SqlTypeName.TIME), Map.entry(LocalDateTime.class, SqlTypeName.TIMESTAMP),
            Map.entry(Instant.class, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE));

    private final RelDataTypeFactory typeFactory;
    private final Function<String, RelDataType> hintParser;

    /** @param hintParser parses a type in DDL syntax, e.g. {@code ROW<a INT>} */
    public JavaSqlTypes(RelDataTypeFactory typeFactory, Function<String, RelDataType> hintParser) {
        this.typeFactory = typeFactory;
        this.hintParser = hintParser;
    }

    public RelDataTypeFactory typeFactory() {
        return typeFactory;
    }

    /** The nullable SQL type of a class, or null if the class has no default SQL type. */
    public RelDataType ofClass(Class<?> type) {
        SqlTypeName name = DEFAULTS.get(type);
        if (name == null) {
            return null;
        }
        RelDataType sqlType = switch (name) {
            case VARCHAR, VARBINARY -> typeFactory.createSqlType(name, Integer.MAX_VALUE);
            case DECIMAL -> typeFactory.createSqlType(name, 38, 18);
            case TIME -> typeFactory.createSqlType(name, 0);
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> typeFactory.createSqlType(name, 9);
            default -> typeFactory.createSqlType(name);
        };
        return typeFactory.createTypeWithNullability(sqlType, true);
    }

    /** The type a hint on an element declares, or null without a (non-empty) hint. */
    public RelDataType hinted(AnnotatedElement element, String where) {
        DataTypeHint hint = element.getAnnotation(DataTypeHint.class);
        if (hint == null || hint.value().isEmpty()) {
            FunctionHint functionHint = element.getAnnotation(FunctionHint.class);
            hint = functionHint == null ? null : functionHint.output();
        }
        if (hint == null || hint.value().isEmpty()) {
            return null;
        }
        try {
            return typeFactory.createTypeWithNullability(hintParser.apply(hint.value()), true);
        } catch (RuntimeException e) {
            throw new ValidationException("@DataTypeHint(\"" + hint.value() + "\") on " + where + " is not a SQL type "
                    + "Weir knows (" + e.getMessage() + "); write it as in CREATE TABLE, e.g. \"ROW<word STRING, n INT>\"",
                    e);
        }
    }
}
