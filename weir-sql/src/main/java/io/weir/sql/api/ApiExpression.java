package io.weir.sql.api;

import io.weir.sql.expressions.Expression;
import io.weir.sql.types.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of the Table API with Flink's operator methods ({@code $("price").times(2).as("p")}).
 * Each method returns a new expression; none evaluates anything. Arguments that are not
 * expressions are literals ({@code plus(1)} is {@code plus(lit(1))}).
 *
 * <p>An expression is SQL text underneath: {@code $("a").plus(1)} is {@code (`a` + 1)}. Aggregates
 * remember their function, so that {@link #distinct()} can make {@code COUNT(DISTINCT `a`)}; a window
 * property ({@code $("w").start()}) is resolved by the window's {@code select}.
 */
public final class ApiExpression implements Expression {

    /** Marks a window property in the text until the window's select replaces it: {@code \u0000w\u0001START\u0000}. */
    static final char WINDOW_PROPERTY = '\u0000';

    private final String sql;
    /** The aggregate function and its argument text, or null when this is not an aggregate. */
    private final String aggregate;
    private final String aggregateArgument;
    /** The names given with {@link #as}: none, one column's, or the columns of a function's row. */
    private final List<String> names;
    /** The literal's value for {@link Expressions#lit}, so that {@code lit(10).seconds()} is an interval literal. */
    private final Number literalNumber;

    private ApiExpression(String sql, String aggregate, String aggregateArgument, List<String> names,
            Number literalNumber) {
        this.sql = sql;
        this.aggregate = aggregate;
        this.aggregateArgument = aggregateArgument;
        this.names = names;
        this.literalNumber = literalNumber;
    }

    static ApiExpression sql(String sql) {
        return new ApiExpression(sql, null, null, List.of(), null);
    }

    static ApiExpression number(String sql, Number value) {
        return new ApiExpression(sql, null, null, List.of(), value);
    }

    /** An expression's SQL text, or the literal's for a value that is not an expression. */
    static String text(Object value) {
        return value instanceof Expression expression ? unaliased(expression) : Expressions.lit(value).sql;
    }

    private static String unaliased(Expression expression) {
        return expression instanceof ApiExpression api ? api.sql : expression.asSerializableString();
    }

    /** The name this expression was given with {@link #as}, or null. */
    String alias() {
        return names.size() == 1 ? names.get(0) : null;
    }

    /** All names given with {@link #as}, e.g. the columns of a table function's rows. */
    List<String> names() {
        return names;
    }

    /** The text without its alias. */
    String expressionText() {
        return sql;
    }

    @Override
    public String asSerializableString() {
        if (names.size() > 1) {
            throw new ValidationException(this + ": as" + names + " names the columns of a function's rows; use it "
                    + "in map, flatMap, joinLateral, aggregate or flatAggregate, or give one name");
        }
        return names.isEmpty() ? sql : sql + " AS " + Expressions.quoted(names.get(0));
    }

    @Override
    public String toString() {
        String names = this.names.isEmpty() ? "" : this.names.stream().map(Expressions::quoted)
                .collect(Collectors.joining(", ", " AS ", ""));
        return InlineFunctions.readable(sql + names).replace(WINDOW_PROPERTY, '%');
    }

    private ApiExpression binary(String operator, Object other) {
        return sql("(" + sql + " " + operator + " " + text(other) + ")");
    }

    private ApiExpression postfix(String operator) {
        return sql("(" + sql + " " + operator + ")");
    }

    private ApiExpression function(String name) {
        return sql(name + "(" + sql + ")");
    }

    private ApiExpression aggregateOf(String function) {
        return new ApiExpression(function + "(" + sql + ")", function, sql, List.of(), null);
    }

    // ---- naming, ordering, casting ----

    /**
     * Names the expression's column ({@code expr AS name}); several names name the fields of the rows
     * a function call gives, in {@link Table#map}, {@link Table#flatMap}, {@link Table#joinLateral},
     * {@code aggregate} and {@code flatAggregate}: {@code call(Split.class, $("line")).as("word", "length")}.
     */
    public ApiExpression as(String name, String... extraNames) {
        List<String> all = new java.util.ArrayList<>();
        all.add(name);
        all.addAll(Arrays.asList(extraNames));
        return new ApiExpression(sql, aggregate, aggregateArgument, List.copyOf(all), literalNumber);
    }

    public ApiExpression asc() {
        return sql(sql + " ASC");
    }

    public ApiExpression desc() {
        return sql(sql + " DESC");
    }

    public ApiExpression cast(DataType toType) {
        return sql("CAST(" + sql + " AS " + toType.sqlType() + ")");
    }

    // ---- arithmetic ----

    public ApiExpression plus(Object other) {
        return binary("+", other);
    }

    public ApiExpression minus(Object other) {
        return binary("-", other);
    }

    public ApiExpression times(Object other) {
        return binary("*", other);
    }

    public ApiExpression dividedBy(Object other) {
        return binary("/", other);
    }

    public ApiExpression mod(Object other) {
        return sql("MOD(" + sql + ", " + text(other) + ")");
    }

    public ApiExpression abs() {
        return function("ABS");
    }

    // ---- comparison and logic ----

    public ApiExpression isEqual(Object other) {
        return binary("=", other);
    }

    public ApiExpression isNotEqual(Object other) {
        return binary("<>", other);
    }

    public ApiExpression isGreater(Object other) {
        return binary(">", other);
    }

    public ApiExpression isGreaterOrEqual(Object other) {
        return binary(">=", other);
    }

    public ApiExpression isLess(Object other) {
        return binary("<", other);
    }

    public ApiExpression isLessOrEqual(Object other) {
        return binary("<=", other);
    }

    public ApiExpression between(Object lowerBound, Object upperBound) {
        return sql("(" + sql + " BETWEEN " + text(lowerBound) + " AND " + text(upperBound) + ")");
    }

    public ApiExpression notBetween(Object lowerBound, Object upperBound) {
        return sql("(" + sql + " NOT BETWEEN " + text(lowerBound) + " AND " + text(upperBound) + ")");
    }

    public ApiExpression in(Object... elements) {
        return sql("(" + sql + " IN (" + Arrays.stream(elements).map(ApiExpression::text)
                .collect(Collectors.joining(", ")) + "))");
    }

    public ApiExpression like(Object pattern) {
        return binary("LIKE", pattern);
    }

    public ApiExpression and(Object other) {
        return binary("AND", other);
    }

    public ApiExpression or(Object other) {
        return binary("OR", other);
    }

    public ApiExpression not() {
        return sql("(NOT " + sql + ")");
    }

    public ApiExpression isNull() {
        return postfix("IS NULL");
    }

    public ApiExpression isNotNull() {
        return postfix("IS NOT NULL");
    }

    public ApiExpression isTrue() {
        return postfix("IS TRUE");
    }

    public ApiExpression isFalse() {
        return postfix("IS FALSE");
    }

    public ApiExpression ifNull(Object nullReplacement) {
        return sql("COALESCE(" + sql + ", " + text(nullReplacement) + ")");
    }

    // ---- strings ----

    public ApiExpression upperCase() {
        return function("UPPER");
    }

    public ApiExpression lowerCase() {
        return function("LOWER");
    }

    public ApiExpression charLength() {
        return function("CHAR_LENGTH");
    }

    public ApiExpression trim() {
        return function("TRIM");
    }

    /** The substring from {@code beginIndex} (1-based) to the end. */
    public ApiExpression substring(Object beginIndex) {
        return sql("SUBSTRING(" + sql + " FROM " + text(beginIndex) + ")");
    }

    /** {@code length} characters from {@code beginIndex} (1-based). */
    public ApiExpression substring(Object beginIndex, Object length) {
        return sql("SUBSTRING(" + sql + " FROM " + text(beginIndex) + " FOR " + text(length) + ")");
    }

    /** Concatenation with {@code ||}. */
    public ApiExpression concat(Object other) {
        return binary("||", other);
    }

    // ---- composite types ----

    /** A field of a ROW column: {@code $("person").get("id")}. */
    public ApiExpression get(String fieldName) {
        return sql(sql + "." + Expressions.quoted(fieldName));
    }

    // ---- aggregates ----

    public ApiExpression count() {
        return aggregateOf("COUNT");
    }

    public ApiExpression sum() {
        return aggregateOf("SUM");
    }

    public ApiExpression avg() {
        return aggregateOf("AVG");
    }

    public ApiExpression min() {
        return aggregateOf("MIN");
    }

    public ApiExpression max() {
        return aggregateOf("MAX");
    }

    /** Aggregates distinct values only: {@code $("a").count().distinct()} is {@code COUNT(DISTINCT a)}. */
    public ApiExpression distinct() {
        if (aggregate == null) {
            throw new ValidationException("distinct() applies to an aggregate, e.g. $(\"a\").count().distinct(), not to "
                    + this + "; for distinct rows use Table.distinct()");
        }
        return new ApiExpression(aggregate + "(DISTINCT " + aggregateArgument + ")", aggregate, aggregateArgument,
                names, null);
    }

    // ---- intervals (of a number: lit(10).seconds()) ----

    public ApiExpression millis() {
        return interval("SECOND", 1000);
    }

    public ApiExpression milli() {
        return millis();
    }

    public ApiExpression seconds() {
        return interval("SECOND", 1);
    }

    public ApiExpression second() {
        return seconds();
    }

    public ApiExpression minutes() {
        return interval("MINUTE", 1);
    }

    public ApiExpression minute() {
        return minutes();
    }

    public ApiExpression hours() {
        return interval("HOUR", 1);
    }

    public ApiExpression hour() {
        return hours();
    }

    public ApiExpression days() {
        return interval("DAY", 1);
    }

    public ApiExpression day() {
        return days();
    }

    private ApiExpression interval(String unit, int perUnit) {
        if (literalNumber != null) {
            String amount = perUnit == 1 ? literalNumber.toString()
                    : new java.math.BigDecimal(literalNumber.toString()).divide(java.math.BigDecimal.valueOf(perUnit))
                            .toPlainString();
            return sql("INTERVAL '" + amount + "' " + unit);
        }
        String one = perUnit == 1 ? "INTERVAL '1' " + unit : "INTERVAL '0.001' SECOND";
        return sql("(" + sql + " * " + one + ")");
    }

    // ---- window properties (of a group window's alias) ----

    /** The start of the window named by this alias: {@code $("w").start()}, in the window's select. */
    public ApiExpression start() {
        return windowProperty("START");
    }

    /** The end of the window named by this alias. */
    public ApiExpression end() {
        return windowProperty("END");
    }

    /**
     * The time of the window named by this alias, a rowtime attribute of the result ({@code window_time},
     * the end less a millisecond): later windows and joins can use it.
     */
    public ApiExpression rowtime() {
        return windowProperty("ROWTIME");
    }

    /** The processing time of a window on a processing-time attribute, a proctime attribute of the result. */
    public ApiExpression proctime() {
        return windowProperty("PROCTIME");
    }

    /** This aggregate over the over window named {@code window}: {@code $("v").sum().over($("w"))}. */
    public ApiExpression over(Expression window) {
        if (aggregate == null) {
            throw new ValidationException("over(" + window + ") needs an aggregate, e.g. $(\"v\").sum().over($(\"w\")), "
                    + "not " + this);
        }
        return sql(WINDOW_PROPERTY + text(window) + '\u0001' + OVER + '\u0001' + sql + WINDOW_PROPERTY);
    }

    /** The property name of an aggregate over an over window, in the window-property marker. */
    static final String OVER = "OVER";

    private ApiExpression windowProperty(String property) {
        return sql(WINDOW_PROPERTY + sql + '\u0001' + property + WINDOW_PROPERTY);
    }

    static List<String> texts(Object... values) {
        return Arrays.stream(values).map(ApiExpression::text).toList();
    }
}
