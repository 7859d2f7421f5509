package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/**
 * A group window over a time attribute, with an alias ({@link Tumble}, {@link Session}): the
 * argument of {@link Table#window}. It runs as Flink's legacy group window of SQL
 * ({@code GROUP BY TUMBLE(ts, INTERVAL '10' SECOND)}), so it needs a rowtime column
 * ({@code WATERMARK FOR}).
 */
public abstract class GroupWindow {

    private final String alias;
    private final String timeField;
    private final String size;

    GroupWindow(Expression alias, Expression timeField, Expression size) {
        this.alias = ApiExpression.text(alias).replace("`", "");
        this.timeField = ApiExpression.text(timeField);
        this.size = ApiExpression.text(size);
    }

    /** The SQL window function: {@code TUMBLE} or {@code SESSION}. */
    abstract String function();

    String alias() {
        return alias;
    }

    /** The window in the GROUP BY clause, e.g. {@code TUMBLE(`ts`, INTERVAL '10' SECOND)}. */
    String groupKey() {
        return function() + "(" + timeField + ", " + size + ")";
    }

    /** A window property: {@code TUMBLE_START(`ts`, INTERVAL '10' SECOND)} for START. */
    String property(String property) {
        return function() + "_" + property + "(" + timeField + ", " + size + ")";
    }
}
