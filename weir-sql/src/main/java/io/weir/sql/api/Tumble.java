package io.weir.sql.api;

import io.weir.sql.expressions.Expression;
import java.util.List;

/**
 * Tumbling windows of a fixed size (Flink's {@code Tumble}):
 * {@code Tumble.over(lit(10).seconds()).on($("ts")).as("w")}. It runs as the {@code TUMBLE} window
 * table function grouped by the window's bounds.
 */
public final class Tumble {

    private Tumble() {
    }

    public static TumbleWithSize over(Expression size) {
        return new TumbleWithSize(size);
    }

    /** A tumbling window with its size; {@link #on} names the time attribute. */
    public static final class TumbleWithSize {
        private final Expression size;

        TumbleWithSize(Expression size) {
            this.size = size;
        }

        public TumbleWithSizeOnTime on(Expression timeField) {
            return new TumbleWithSizeOnTime(size, timeField);
        }
    }

    /** A tumbling window with its size and time attribute; {@link #as} names it. */
    public static final class TumbleWithSizeOnTime {
        private final Expression size;
        private final Expression timeField;

        TumbleWithSizeOnTime(Expression size, Expression timeField) {
            this.size = size;
            this.timeField = timeField;
        }

        public TumbleWithSizeOnTimeWithAlias as(String alias) {
            return new TumbleWithSizeOnTimeWithAlias(Expressions.$(alias), timeField, size);
        }

        public TumbleWithSizeOnTimeWithAlias as(Expression alias) {
            return new TumbleWithSizeOnTimeWithAlias(alias, timeField, size);
        }
    }

    /** A complete tumbling window. */
    public static final class TumbleWithSizeOnTimeWithAlias extends GroupWindow {
        TumbleWithSizeOnTimeWithAlias(Expression alias, Expression timeField, Expression size) {
            super(alias, timeField, size);
        }

        @Override
        String tableFunction(Table table, List<String> keys) {
            return "TUMBLE((" + table.toSqlString() + "), DESCRIPTOR(" + timeField + "), " + size + ")";
        }
    }
}
