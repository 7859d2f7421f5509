package io.weir.sql.api;

import io.weir.sql.expressions.Expression;
import java.util.List;

/**
 * Session windows that close after a gap without rows (Flink's {@code Session}):
 * {@code Session.withGap(lit(10).minutes()).on($("ts")).as("w")}. It runs as the {@code SESSION} window
 * table function, partitioned by the other group keys, grouped by the window's bounds.
 */
public final class Session {

    private Session() {
    }

    public static SessionWithGap withGap(Expression gap) {
        return new SessionWithGap(gap);
    }

    /** A session window with its gap; {@link #on} names the time attribute. */
    public static final class SessionWithGap {
        private final Expression gap;

        SessionWithGap(Expression gap) {
            this.gap = gap;
        }

        public SessionWithGapOnTime on(Expression timeField) {
            return new SessionWithGapOnTime(gap, timeField);
        }
    }

    /** A session window with its gap and time attribute; {@link #as} names it. */
    public static final class SessionWithGapOnTime {
        private final Expression gap;
        private final Expression timeField;

        SessionWithGapOnTime(Expression gap, Expression timeField) {
            this.gap = gap;
            this.timeField = timeField;
        }

        public SessionWithGapOnTimeWithAlias as(String alias) {
            return new SessionWithGapOnTimeWithAlias(Expressions.$(alias), timeField, gap);
        }

        public SessionWithGapOnTimeWithAlias as(Expression alias) {
            return new SessionWithGapOnTimeWithAlias(alias, timeField, gap);
        }
    }

    /** A complete session window. */
    public static final class SessionWithGapOnTimeWithAlias extends GroupWindow {
        SessionWithGapOnTimeWithAlias(Expression alias, Expression timeField, Expression gap) {
            super(alias, timeField, gap);
        }

        /** Sessions are per group key, as in Flink's group windows: the keys partition the SESSION function. */
        @Override
        String tableFunction(Table table, List<String> keys) {
            for (String key : keys) {
                if (!key.matches("`(?:[^`]|``)+`")) {
                    throw new ValidationException("groupBy(" + key + ") with a Session window: session windows are "
                            + "formed per key, which must be a column; add the expression as a column first, e.g. "
                            + "addColumns(expr.as(\"k\")), and group by $(\"k\")");
                }
            }
            String partition = keys.isEmpty() ? "" : " PARTITION BY " + String.join(", ", keys);
            // PARTITION BY follows a named table only: the table's toString() registers it under a name
            return "SESSION(TABLE " + table + partition + ", DESCRIPTOR(" + timeField + "), " + size + ")";
        }
    }
}
