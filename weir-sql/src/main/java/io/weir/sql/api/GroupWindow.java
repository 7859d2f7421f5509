package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/**
 * A group window over a time attribute, with an alias ({@link Tumble}, {@link Slide},
 * {@link Session}): the argument of {@link Table#window}. Tumble and Session run as Flink's legacy
 * group windows of SQL ({@code GROUP BY TUMBLE(ts, INTERVAL '10' SECOND)}), Slide as the HOP window
 * table function; all need a rowtime column ({@code WATERMARK FOR}).
 */
public abstract class GroupWindow {

    private final String alias;
    final String timeField;
    final String size;

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

    /** The FROM clause of the windowed query over {@code query}: the query itself for a legacy group window. */
    String from(String query) {
        return " FROM (" + query + ") AS `$t`";
    }

    /** The window in the GROUP BY clause, e.g. {@code TUMBLE(`ts`, INTERVAL '10' SECOND)}. */
    String groupKey() {
        return function() + "(" + timeField + ", " + size + ")";
    }

    /** A window property: {@code TUMBLE_START(`ts`, INTERVAL '10' SECOND)} for START. */
    String property(String property) {
        if (property.equals("ROWTIME")) {
            throw new ValidationException("$(\"" + alias + "\").rowtime() of a " + function() + " window does not run "
                    + "in Weir yet; use end(), or a Slide window, whose rowtime() is its window_time");
        }
        return function() + "_" + property + "(" + timeField + ", " + size + ")";
    }
}
