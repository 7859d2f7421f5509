package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/**
 * Session windows that close after a gap without rows (Flink's {@code Session}):
 * {@code Session.withGap(lit(10).minutes()).on($("ts")).as("w")}.
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

        @Override
        String function() {
            return "SESSION";
        }
    }
}
