package io.weir.sql.runtime.join;

import io.weir.api.types.Row;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.io.Serializable;

/**
 * The time bounds of an interval join: the join's condition holds
 * {@code lower <= left.rowtime - right.rowtime <= upper} (milliseconds), so a stored row can be
 * dropped once the watermark has passed the last time a partner could have: a left row at
 * {@code t} joins right rows up to {@code t - lower}, a right row at {@code s} left rows up to
 * {@code s + upper}. Rows that arrive later than the watermark are not dropped by the join, but
 * their partners may be gone, as in Flink.
 *
 * @param leftTime the left input's rowtime field
 * @param rightTime the right input's rowtime field
 */
public record IntervalBounds(int leftTime, int rightTime, long lower, long upper) implements Serializable {

    /** The event time after which no row of the other input can join {@code row}; Long.MIN_VALUE if it has no time. */
    long lastPartnerTime(Row row, boolean left) {
        Object time = row.getField(left ? leftTime : rightTime);
        if (time == null) {
            return Long.MIN_VALUE;
        }
        long millis = WindowTableFunction.rowtimeMillis(time);
        return left ? millis - lower : millis + upper;
    }
}
