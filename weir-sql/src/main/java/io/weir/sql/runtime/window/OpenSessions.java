package io.weir.sql.runtime.window;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.TimerService;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open session windows of the current key, in keyed state, with the rows each holds. A row at
 * time {@code t} opens the window {@code [t, t + gap)}; windows that overlap or touch merge into one
 * session, as in Flink. A session ends {@code gap} after its last row and is fired (handed to a
 * {@link Fired} callback, then forgotten) by the event-time timer at its end minus 1 ms.
 *
 * <p>Rows are kept rather than accumulated because two sessions can merge, and an accumulator cannot
 * be merged into another.
 *
 * <p>Threading: used by one keyed function on its task's thread; the key is the function's current key.
 */
final class OpenSessions {

    /** What is done with a session when the watermark passes its end. */
    interface Fired {
        void session(long start, long end, List<Row> rows) throws Exception;
    }

    private final long gap;
    private final MapState<Long, Long> ends;
    private final MapState<Long, List<Row>> rows;

    /** @param rowType the type of the rows kept, to store them in state */
    OpenSessions(RuntimeContext context, long gap, RowTypeInfo rowType) {
        this.gap = gap;
        this.ends = context.getMapState(new MapStateDescriptor<>("session-ends",
                BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO));
        this.rows = context.getMapState(new MapStateDescriptor<>("session-rows",
                BasicTypeInfo.LONG_TYPE_INFO, new ListTypeInfo<>(rowType)));
    }

    /**
     * Adds a row at time {@code time} (ms) to its session, merging the sessions it touches, and sets
     * the timer of the merged session's end. Returns false, keeping nothing, if the row is late: its
     * own window has ended at the watermark and it touches no open session.
     */
    boolean add(Row row, long time, TimerService timers) throws Exception {
        long start = time;
        long end = time + gap;
        List<Long> merged = new ArrayList<>();
        for (Map.Entry<Long, Long> session : ends.entries()) {
            if (session.getKey() <= end && session.getValue() >= start) {
                merged.add(session.getKey());
                start = Math.min(start, session.getKey());
                end = Math.max(end, session.getValue());
            }
        }
        if (merged.isEmpty() && end - 1 <= timers.currentWatermark()) {
            return false;
        }
        List<Row> kept = new ArrayList<>();
        for (Long mergedStart : merged) {
            kept.addAll(rows.get(mergedStart));
            rows.remove(mergedStart);
            ends.remove(mergedStart);
        }
        kept.add(row);
        ends.put(start, end);
        rows.put(start, kept);
        timers.registerEventTimeTimer(end - 1);
        return true;
    }

    /** Fires and forgets every session whose end minus 1 ms is at or before {@code timestamp}. */
    void fireEnded(long timestamp, Fired fired) throws Exception {
        List<Map.Entry<Long, Long>> ended = new ArrayList<>();
        for (Map.Entry<Long, Long> session : ends.entries()) {
            if (session.getValue() - 1 <= timestamp) {
                ended.add(Map.entry(session.getKey(), session.getValue()));
            }
        }
        ended.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Long, Long> session : ended) {
            fired.session(session.getKey(), session.getValue(), rows.get(session.getKey()));
            ends.remove(session.getKey());
            rows.remove(session.getKey());
        }
    }
}
