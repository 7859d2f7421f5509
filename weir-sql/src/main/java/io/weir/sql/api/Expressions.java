package io.weir.sql.api;

import io.weir.sql.expressions.Expression;
import io.weir.sql.functions.UserDefinedFunction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Table API's expression DSL (Flink's {@code Expressions}), to import statically:
 * {@code $("price")} is a column, {@code lit(10)} a literal, {@code call("my_udf", $("a"))} a
 * function call; the methods of {@link ApiExpression} add operators, aggregates and names.
 */
public final class Expressions {

    /** An over window's bound: every earlier row by time ({@code RANGE BETWEEN UNBOUNDED PRECEDING}). */
    public static final ApiExpression UNBOUNDED_RANGE = ApiExpression.sql(OverWindow.UNBOUNDED_RANGE);
    /** An over window's bound: every earlier row by count ({@code ROWS BETWEEN UNBOUNDED PRECEDING}). */
    public static final ApiExpression UNBOUNDED_ROW = ApiExpression.sql(OverWindow.UNBOUNDED_ROW);
    /** An over window's end: the current row and its peers of equal time ({@code RANGE ... CURRENT ROW}). */
    public static final ApiExpression CURRENT_RANGE = ApiExpression.sql(OverWindow.CURRENT_RANGE);
    /** An over window's end: the current row ({@code ROWS ... CURRENT ROW}). */
    public static final ApiExpression CURRENT_ROW = ApiExpression.sql(OverWindow.CURRENT_ROW);

    private Expressions() {
    }

    /** An over window's bound of {@code rows} rows before the current one ({@code ROWS BETWEEN n PRECEDING}). */
    public static ApiExpression rowInterval(Long rows) {
        if (rows == null || rows < 0) {
            throw new ValidationException("rowInterval(" + rows + "): the number of rows must be 0 or more");
        }
        return ApiExpression.sql(OverWindow.ROW_INTERVAL + rows);
    }

    /** The column {@code name} of the table the expression is used on. */
    public static ApiExpression $(String name) {
        return ApiExpression.sql(quoted(name));
    }

    /** Same as {@link #$}. */
    public static ApiExpression col(String name) {
        return $(name);
    }

    /**
     * A literal: numbers ({@code Integer} INT, {@code Long} BIGINT, {@code Double} DOUBLE, ...),
     * strings, booleans, {@code BigDecimal}, {@code LocalDate}, {@code LocalTime},
     * {@code LocalDateTime} and null.
     */
    public static ApiExpression lit(Object value) {
        if (value instanceof Expression) {
            throw new ValidationException("lit(" + value + "): the value is already an expression");
        }
        if (value == null) {
            return ApiExpression.sql("NULL");
        }
        if (value instanceof Integer i) {
            return ApiExpression.number(i < 0 ? "(" + i + ")" : i.toString(), i);
        }
        if (value instanceof Long l) {
            return ApiExpression.number("CAST(" + l + " AS BIGINT)", l);
        }
        if (value instanceof Short || value instanceof Byte) {
            String type = value instanceof Short ? "SMALLINT" : "TINYINT";
            return ApiExpression.number("CAST(" + value + " AS " + type + ")", (Number) value);
        }
        if (value instanceof Double || value instanceof Float) {
            String type = value instanceof Double ? "DOUBLE" : "FLOAT";
            return ApiExpression.number("CAST(" + value + " AS " + type + ")", (Number) value);
        }
        if (value instanceof BigDecimal d) {
            return ApiExpression.number(d.signum() < 0 ? "(" + d.toPlainString() + ")" : d.toPlainString(), d);
        }
        if (value instanceof String s) {
            return ApiExpression.sql("'" + s.replace("'", "''") + "'");
        }
        if (value instanceof Boolean b) {
            return ApiExpression.sql(b ? "TRUE" : "FALSE");
        }
        if (value instanceof LocalDate date) {
            return ApiExpression.sql("DATE '" + date + "'");
        }
        if (value instanceof LocalTime time) {
            return ApiExpression.sql("TIME '" + time + "'");
        }
        if (value instanceof LocalDateTime timestamp) {
            return ApiExpression.sql("TIMESTAMP '" + timestamp.toString().replace('T', ' ') + "'");
        }
        throw new ValidationException("lit(" + value + "): a literal of " + value.getClass().getName()
                + " is not supported; use a number, String, Boolean, BigDecimal, LocalDate, LocalTime or LocalDateTime");
    }

    /**
     * A call of a built-in or registered function by name ({@code createTemporarySystemFunction}),
     * with expressions or values as arguments.
     */
    public static ApiExpression call(String path, Object... arguments) {
        String name = path.matches("[A-Za-z_][A-Za-z0-9_]*") ? path : quoted(path);
        return ApiExpression.sql(name + "(" + String.join(", ", ApiExpression.texts(arguments)) + ")");
    }

    /**
     * A call of a function object that is not registered: {@code call(new SplitFunction(), $("line"))}.
     * The table it is used on registers it under a name of its own (the function is serialized into
     * the job, as a registered one is).
     */
    public static ApiExpression call(UserDefinedFunction function, Object... arguments) {
        return ApiExpression.sql(InlineFunctions.marker(function) + "(" + String.join(", ",
                ApiExpression.texts(arguments)) + ")");
    }

    /** A call of a new instance of {@code functionClass} (made with its no-argument constructor). */
    public static ApiExpression call(Class<? extends UserDefinedFunction> functionClass, Object... arguments) {
        return ApiExpression.sql(InlineFunctions.marker(functionClass) + "(" + String.join(", ",
                ApiExpression.texts(arguments)) + ")");
    }

    /** The conjunction of the predicates. */
    public static ApiExpression and(Object predicate0, Object predicate1, Object... predicates) {
        return ApiExpression.sql(join(" AND ", predicate0, predicate1, predicates));
    }

    /** The disjunction of the predicates. */
    public static ApiExpression or(Object predicate0, Object predicate1, Object... predicates) {
        return ApiExpression.sql(join(" OR ", predicate0, predicate1, predicates));
    }

    /** {@code ifTrue} where {@code condition} holds, otherwise {@code ifFalse}. */
    public static ApiExpression ifThenElse(Object condition, Object ifTrue, Object ifFalse) {
        return ApiExpression.sql("CASE WHEN " + ApiExpression.text(condition) + " THEN " + ApiExpression.text(ifTrue)
                + " ELSE " + ApiExpression.text(ifFalse) + " END");
    }

    /** The first argument that is not null. */
    public static ApiExpression coalesce(Object... arguments) {
        return ApiExpression.sql("COALESCE(" + String.join(", ", ApiExpression.texts(arguments)) + ")");
    }

    /** The strings concatenated. */
    public static ApiExpression concat(Object string, Object... strings) {
        return ApiExpression.sql(Stream.concat(Stream.of(string), Stream.of(strings)).map(ApiExpression::text)
                .collect(Collectors.joining(" || ", "(", ")")));
    }

    private static String join(String operator, Object first, Object second, Object... more) {
        return Stream.concat(Stream.of(first, second), Stream.of(more)).map(ApiExpression::text)
                .collect(Collectors.joining(operator, "(", ")"));
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
