package io.weir.sql.runtime.window;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.io.Serializable;

/**
 * Where a window aggregate's result row has its window's bounds among its grouping keys: a table
 * function's {@code window_start} and {@code window_end} ({@code TIMESTAMP}), or a legacy window's
 * one key field ({@code GROUP BY k, SESSION(pt, gap)}: its start, a {@code TIMESTAMP_LTZ} over
 * processing time), and the other keys around them.
 *
 * @param keyCount how many grouping keys the aggregate has, bounds included
 * @param startPosition where among them the window's start goes, or -1
 * @param endPosition where among them the window's end goes, or -1
 * @param instantBounds whether the bounds are {@code TIMESTAMP_LTZ} ({@link java.time.Instant}s)
 */
public record WindowKeyLayout(int keyCount, int startPosition, int endPosition, boolean instantBounds)
        implements Serializable {

    /** The aggregate's grouping key: {@code otherKeys} in order, with the bounds in their places. */
    public Row key(Row otherKeys, Object start, Object end) {
        Row key = new Row(RowKind.INSERT, keyCount);
        for (int k = 0, o = 0; k < keyCount; k++) {
            if (k == startPosition) {
                key.setField(k, start);
            } else if (k == endPosition) {
                key.setField(k, end);
            } else {
                key.setField(k, otherKeys.getField(o++));
            }
        }
        return key;
    }

    /** The positions of the keys other than the bounds among {@code keys}: what the aggregate is keyed by. */
    public int[] otherKeys(int[] keys) {
        return java.util.stream.IntStream.range(0, keys.length).filter(k -> k != startPosition && k != endPosition)
                .map(k -> keys[k]).toArray();
    }
}
