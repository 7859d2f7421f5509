package io.weir.sql.expressions;

/**
 * An expression of the Table API (Flink's {@code Expression}): a column, a literal, a call or an
 * operator over other expressions, built with {@code io.weir.sql.api.Expressions}. The Table API
 * turns each into the equal SQL expression, so it is validated, planned and run exactly as SQL is.
 */
public interface Expression {

    /** The expression as Flink SQL text, e.g. {@code (`price` * 2)}. */
    String asSerializableString();

    /** A short form for messages; the SQL text. */
    default String asSummaryString() {
        return asSerializableString();
    }
}
