package io.weir.sql.runtime.window;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.TimerService;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The open session windows of the current key, in keyed state, each with its contents: the rows it
 * holds, or the accumulator of its rows when the aggregates merge ({@link Contents}). A row at
 * time {@code t} opens the window {@code [t, t + gap)}; windows that overlap or touch merge into one
 * session, as in Flink. A session ends {@code gap} after its last row and is fired (handed to a
 * {@link Fired} callback, then forgotten) by the event-time timer at its end minus 1 ms; a session
 * that grows or merges moves its timer.
 *
 * <p>State: one map from each session's start to a row {@code (end, contents)}, so a row that
 * extends its key's session (the common case) reads and writes one state entry.
 *
 * <p>Threading: used by one keyed function on its task's thread; the key is the function's current key.
 *
 * @param <C> what a session holds
 */
final class OpenSessions<C> {

    /** What a session holds and how rows go in. */
    interface Contents<C> extends Serializable {
        TypeInformation<C> type();

        C create();

        /** Adds a row to a session's contents, in place. */
        void add(C contents, Row row) throws Exception;

        /** Adds {@code other}'s rows into {@code into}. */
        void merge(C into, C other) throws Exception;
    }

    /** What is done with a session when the watermark passes its end. */
    interface Fired<C> {
        void session(long start, long end, C contents) throws Exception;
    }

    private static final int END = 0;
    private static final int CONTENTS = 1;

    private final long gap;
    private final Contents<C> contents;
    private final MapState<Long, Row> sessions;
    private final List<Long> scratch = new ArrayList<>();

    OpenSessions(RuntimeContext context, long gap, Contents<C> contents) {
        this.gap = gap;
        this.contents = contents;
        this.sessions = context.getMapState(new MapStateDescriptor<>("sessions", BasicTypeInfo.LONG_TYPE_INFO,
                new RowTypeInfo(BasicTypeInfo.LONG_TYPE_INFO, contents.type())));
    }

    /**
     * Adds a row at time {@code time} (ms) to its session, merging the sessions it touches, and sets
     * the timer of the session's end. Returns false, keeping nothing, if the row is late: its
     * own window has ended at the watermark and it touches no open session.
     */
    boolean add(Row row, long time, TimerService timers) throws Exception {
        long start = time;
        long end = time + gap;
        Row only = null; // the session the row touches, while it touches one
        long onlyStart = 0;
        List<Long> touched = scratch;
        touched.clear();
        for (Map.Entry<Long, Row> session : sessions.entries()) {
            long sessionStart = session.getKey();
            long sessionEnd = (Long) session.getValue().getField(END);
            if (sessionStart <= end && sessionEnd >= start) {
                touched.add(sessionStart);
                only = touched.size() == 1 ? session.getValue() : null;
                onlyStart = sessionStart;
                start = Math.min(start, sessionStart);
                end = Math.max(end, sessionEnd);
            }
        }
        if (touched.isEmpty()) {
            if (end - 1 <= timers.currentWatermark()) {
                return false;
            }
            Row session = new Row(RowKind.INSERT, 2);
            session.setField(END, end);
            C fresh = contents.create();
            contents.add(fresh, row);
            session.setField(CONTENTS, fresh);
            sessions.put(start, session);
            timers.registerEventTimeTimer(end - 1);
            return true;
        }
        if (only != null && onlyStart == start) { // the row falls into or extends one session
            moveTimer(timers, (Long) only.getField(END), end);
            only.setField(END, end);
            @SuppressWarnings("unchecked")
            C held = (C) only.getField(CONTENTS);
            contents.add(held, row);
            sessions.put(start, only);
            return true;
        }
        Row merged = new Row(RowKind.INSERT, 2);
        C into = contents.create();
        for (Long touchedStart : touched) {
            Row session = sessions.get(touchedStart);
            long sessionEnd = (Long) session.getField(END);
            if (sessionEnd != end) {
                timers.deleteEventTimeTimer(sessionEnd - 1);
            }
            @SuppressWarnings("unchecked")
            C held = (C) session.getField(CONTENTS);
            contents.merge(into, held);
            sessions.remove(touchedStart);
        }
        contents.add(into, row);
        merged.setField(END, end);
        merged.setField(CONTENTS, into);
        sessions.put(start, merged);
        timers.registerEventTimeTimer(end - 1);
        return true;
    }

    private static void moveTimer(TimerService timers, long oldEnd, long newEnd) {
        if (oldEnd != newEnd) {
            timers.deleteEventTimeTimer(oldEnd - 1);
            timers.registerEventTimeTimer(newEnd - 1);
        }
    }

    /** Fires and forgets every session whose end minus 1 ms is at or before {@code timestamp}, by start. */
    void fireEnded(long timestamp, Fired<C> fired) throws Exception {
        List<Long> ended = new ArrayList<>();
        for (Map.Entry<Long, Row> session : sessions.entries()) {
            if ((Long) session.getValue().getField(END) - 1 <= timestamp) {
                ended.add(session.getKey());
            }
        }
        ended.sort(null);
        for (Long start : ended) {
            Row session = sessions.get(start);
            @SuppressWarnings("unchecked")
            C held = (C) session.getField(CONTENTS);
            fired.session(start, (Long) session.getField(END), held);
            sessions.remove(start);
        }
    }

    /** Sessions that keep their rows (the SESSION table function; aggregates that do not merge). */
    static Contents<List<Row>> rows(RowTypeInfo rowType) {
        return new RowLists(rowType);
    }

    private record RowLists(RowTypeInfo rowType) implements Contents<List<Row>> {

        @Override
        public TypeInformation<List<Row>> type() {
            return new io.weir.api.types.ListTypeInfo<>(rowType);
        }

        @Override
        public List<Row> create() {
            return new ArrayList<>();
        }

        @Override
        public void add(List<Row> rows, Row row) {
            rows.add(row);
        }

        @Override
        public void merge(List<Row> into, List<Row> other) {
            into.addAll(other);
        }
    }
}
