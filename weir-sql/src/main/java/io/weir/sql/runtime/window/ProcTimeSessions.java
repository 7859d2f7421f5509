package io.weir.sql.runtime.window;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.TimerService;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;

/**
 * The open processing-time session of each key, for the operators that put rows into sessions by
 * their own clock: a row at {@code now} opens the session {@code [now, now + gap)} when none is open,
 * else extends the open one to {@code now + gap}. As the clock only moves forward, a key has at most
 * one open session. Its start, end and pending timer are kept in a value state (checkpointed with
 * the timer); the timer is not moved when a row extends the session: when it fires early it is set
 * again at the session's end.
 *
 * <p>Threading: called by the task's thread only, like the keyed function that owns it.
 */
final class ProcTimeSessions {

    private static final int START = 0;
    private static final int END = 1;
    private static final int TIMER = 2;

    private final ValueState<Row> open;
    private final long gap;

    ProcTimeSessions(RuntimeContext context, String name, long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("A session gap must be positive, not " + gap + " ms");
        }
        this.open = context.getState(new ValueStateDescriptor<>(name, new RowTypeInfo(BasicTypeInfo.LONG_TYPE_INFO,
                BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO)));
        this.gap = gap;
    }

    /**
     * Puts a row at the clock's time into the current key's session.
     *
     * @return the session that had ended before the row but not fired yet (its timer is deleted: the
     *     caller fires it now, before the row's new session), or null
     */
    Row add(TimerService timers) throws Exception {
        long now = timers.currentProcessingTime();
        Row session = open.value();
        Row ended = null;
        if (session != null && now >= end(session)) {
            timers.deleteProcessingTimeTimer((Long) session.getField(TIMER));
            ended = session;
            session = null;
        }
        if (session == null) {
            session = Row.of(now, now + gap, now + gap);
            timers.registerProcessingTimeTimer(now + gap);
        } else {
            session.setField(END, now + gap);
        }
        open.update(session);
        return ended;
    }

    /**
     * The current key's timer at {@code timestamp} fired.
     *
     * @return the session if it ended (the caller fires it and {@link #clear}s), else null: a row
     *     extended it, and the timer is set again at its end
     */
    Row ended(long timestamp, TimerService timers) throws Exception {
        Row session = open.value();
        if (session == null || end(session) <= timestamp) {
            return session;
        }
        session.setField(TIMER, end(session));
        open.update(session);
        timers.registerProcessingTimeTimer(end(session));
        return null;
    }

    void clear() {
        open.clear();
    }

    static long start(Row session) {
        return (Long) session.getField(START);
    }

    static long end(Row session) {
        return (Long) session.getField(END);
    }
}
