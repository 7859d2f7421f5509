package io.weir.sql.runtime.window;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.io.Serializable;

/**
 * Where a window aggregate's result row has its window's bounds among its grouping keys: a table
 * function's {@code window_start} and {@code window_end} ({@code TIMESTAMP}), or a legacy window's
 * one key field ({@code GROUP BY k, SESSION(pt, gap)}: its start, a {@code TIMESTAMP_LTZ} over
 * processing time), a table function's {@code window_time} if the aggregate groups by it too, and the
 * other keys around them.
 *
 * @param keyCount how many grouping keys the aggregate has, bounds included
 * @param startPosition where among them the window's start goes, or -1
 * @param endPosition where among them the window's end goes, or -1
 * @param instantBounds whether the bounds are {@code TIMESTAMP_LTZ} ({@link java.time.Instant}s)
 * @param timePosition where a table function's {@code window_time} goes among the keys, or -1
 * @param instantTime whether {@code window_time} is a {@code TIMESTAMP_LTZ}
 */
public record WindowKeyLayout(int keyCount, int startPosition, int endPosition, boolean instantBounds,
        int timePosition, boolean instantTime) implements Serializable {

    public WindowKeyLayout(int keyCount, int startPosition, int endPosition, boolean instantBounds) {
        this(keyCount, startPosition, endPosition, instantBounds, -1, false);
    }

    /** This layout with the window's time ({@code window_time}) among the keys at {@code position}. */
    public WindowKeyLayout withTime(int position, boolean instant) {
        return new WindowKeyLayout(keyCount, startPosition, endPosition, instantBounds, position, instant);
    }

    /**
     * The window's time, a table function's {@code window_time}, of the window whose last
     * millisecond is the wall time {@code lastWallMillis} in {@code zone} (null: UTC): that instant for
     * a {@code TIMESTAMP_LTZ}, else the wall time.
     */
    public Object time(long lastWallMillis, java.time.ZoneId zone) {
        return instantTime ? java.time.Instant.ofEpochMilli(WindowTableFunction.epochMillis(lastWallMillis, zone))
                : WindowTableFunction.toTimestamp(lastWallMillis);
    }

    /** The aggregate's grouping key: {@code otherKeys} in order, with the bounds (and time) in their places. */
    public Row key(Row otherKeys, Object start, Object end, Object time) {
        Row key = new Row(RowKind.INSERT, keyCount);
        for (int k = 0, o = 0; k < keyCount; k++) {
            if (k == startPosition) {
                key.setField(k, start);
            } else if (k == endPosition) {
                key.setField(k, end);
            } else if (k == timePosition) {
                key.setField(k, time);
            } else {
                key.setField(k, otherKeys.getField(o++));
            }
        }
        return key;
    }

    /** The positions of the keys other than the bounds among {@code keys}: what the aggregate is keyed by. */
    public int[] otherKeys(int[] keys) {
        return java.util.stream.IntStream.range(0, keys.length)
                .filter(k -> k != startPosition && k != endPosition && k != timePosition)
                .map(k -> keys[k]).toArray();
    }
}
