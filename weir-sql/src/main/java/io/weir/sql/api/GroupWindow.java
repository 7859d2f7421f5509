package io.weir.sql.api;

import io.weir.sql.expressions.Expression;
import java.util.List;

/**
 * A group window over a time attribute, with an alias ({@link Tumble}, {@link Slide},
 * {@link Session}): the argument of {@link Table#window}. Each runs as Flink's window table function
 * of SQL ({@code TUMBLE}, {@code HOP}, {@code SESSION}) grouped by the window's bounds, so
 * {@code $("w").start()}, {@code end()} and {@code rowtime()} (or {@code proctime()} of a window on a
 * processing-time attribute) are its {@code window_start}, {@code window_end} and {@code window_time}.
 */
public abstract class GroupWindow {

    /** The columns a window table function adds, which the windowed GROUP BY groups by. */
    static final List<String> WINDOW_COLUMNS = List.of("`window_start`", "`window_end`", "`window_time`");

    private final String alias;
    final String timeField;
    final String size;

    GroupWindow(Expression alias, Expression timeField, Expression size) {
        this.alias = ApiExpression.text(alias).replace("`", "");
        this.timeField = ApiExpression.text(timeField);
        this.size = ApiExpression.text(size);
    }

    String alias() {
        return alias;
    }

    /** The time attribute's column name. */
    String timeColumn() {
        return timeField.startsWith("`") ? timeField.substring(1, timeField.length() - 1).replace("``", "`") : timeField;
    }

    /**
     * The window table function's call over {@code table}, e.g. {@code TUMBLE((query), DESCRIPTOR(ts),
     * INTERVAL '10' SECOND)}; {@code keys} are the other group keys (a session window's partition).
     */
    abstract String tableFunction(Table table, List<String> keys);

    /** The FROM clause of the windowed query over {@code table}. */
    final String from(Table table, List<String> keys) {
        return " FROM TABLE(" + tableFunction(table, keys) + ")";
    }

    /** A window property: {@code window_start} for START. */
    final String property(String property) {
        return switch (property) {
            case "START" -> "`window_start`";
            case "END" -> "`window_end`";
            default -> "`window_time`";
        };
    }
}
