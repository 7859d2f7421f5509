package io.weir.sql.api;

import io.weir.sql.expressions.Expression;
import java.util.List;

/**
 * Sliding (hopping) windows of a fixed size that start every {@code slide} (Flink's {@code Slide}):
 * {@code Slide.over(lit(10).seconds()).every(lit(5).seconds()).on($("ts")).as("w")}. A row belongs
 * to {@code size / slide} windows. It runs as the {@code HOP} window table function grouped by the
 * window's bounds, so {@code $("w").start()}, {@code end()} and {@code rowtime()} are its
 * {@code window_start}, {@code window_end} and {@code window_time}.
 */
public final class Slide {

    private Slide() {
    }

    public static SlideWithSize over(Expression size) {
        return new SlideWithSize(size);
    }

    /** A sliding window with its size; {@link #every} gives the slide. */
    public static final class SlideWithSize {
        private final Expression size;

        SlideWithSize(Expression size) {
            this.size = size;
        }

        public SlideWithSizeAndSlide every(Expression slide) {
            return new SlideWithSizeAndSlide(size, slide);
        }
    }

    /** A sliding window with its size and slide; {@link #on} names the time attribute. */
    public static final class SlideWithSizeAndSlide {
        private final Expression size;
        private final Expression slide;

        SlideWithSizeAndSlide(Expression size, Expression slide) {
            this.size = size;
            this.slide = slide;
        }

        public SlideWithSizeAndSlideOnTime on(Expression timeField) {
            return new SlideWithSizeAndSlideOnTime(size, slide, timeField);
        }
    }

    /** A sliding window with its size, slide and time attribute; {@link #as} names it. */
    public static final class SlideWithSizeAndSlideOnTime {
        private final Expression size;
        private final Expression slide;
        private final Expression timeField;

        SlideWithSizeAndSlideOnTime(Expression size, Expression slide, Expression timeField) {
            this.size = size;
            this.slide = slide;
            this.timeField = timeField;
        }

        public SlideWithSizeAndSlideOnTimeWithAlias as(String alias) {
            return as(Expressions.$(alias));
        }

        public SlideWithSizeAndSlideOnTimeWithAlias as(Expression alias) {
            return new SlideWithSizeAndSlideOnTimeWithAlias(alias, timeField, size, slide);
        }
    }

    /** A complete sliding window. */
    public static final class SlideWithSizeAndSlideOnTimeWithAlias extends GroupWindow {
        private final String slide;

        SlideWithSizeAndSlideOnTimeWithAlias(Expression alias, Expression timeField, Expression size, Expression slide) {
            super(alias, timeField, size);
            this.slide = ApiExpression.text(slide);
        }

        @Override
        String tableFunction(Table table, List<String> keys) {
            return "HOP((" + table.toSqlString() + "), DESCRIPTOR(" + timeField + "), " + slide + ", " + size + ")";
        }
    }
}
