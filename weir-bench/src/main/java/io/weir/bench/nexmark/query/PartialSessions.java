package io.weir.bench.nexmark.query;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The combiner of {@link Q11}, before the keyed exchange: this subtask's bids of each bidder merged
 * into partial sessions, by the session windows' own rule (a bid's window is
 * {@code [time, time + gap)}, and windows that touch or overlap merge). A partial session stands for
 * the union of its bids' windows, {@code [first, last + gap)}; the session window operator after the
 * exchange gives it exactly that window and merges it with the others as it would merge the bids'
 * windows one by one, so the sessions and their counts are the same, with one record per partial
 * session instead of one per bid.
 *
 * <p>A partial session goes out when the watermark reaches its window's last millisecond, before
 * the watermark is forwarded: the window operator has not fired the window then, and would fire it
 * at that watermark. A bid that does not touch its bidder's open partial session sends that one out
 * at once and starts a new one (sending early is always correct: the window operator merges).
 *
 * <p>Threading: the task's thread only.
 */
final class PartialSessions extends AbstractStreamOperator<Q11.PartialSession>
        implements OneInputStreamOperator<Long, Q11.PartialSession> {
    private static final long serialVersionUID = 1L;

    private final long gapMs;
    private transient Map<Long, Open> open;
    private transient StreamRecord<Q11.PartialSession> reuse;

    PartialSessions(long gapMs) {
        this.gapMs = gapMs;
    }

    @Override
    public void open() {
        open = new HashMap<>();
        reuse = new StreamRecord<>(null);
    }

    @Override
    public void processElement(StreamRecord<Long> record) {
        long bidder = record.getValue();
        long time = record.getTimestamp();
        Open session = open.get(bidder);
        if (session == null) {
            open.put(bidder, new Open(time));
            return;
        }
        // [time, time + gap) and [first, last + gap) touch or overlap, as TimeWindow.intersects says.
        if (time <= session.last + gapMs && time + gapMs >= session.first) {
            session.first = Math.min(session.first, time);
            session.last = Math.max(session.last, time);
            session.count++;
        } else {
            emit(bidder, session);
            open.put(bidder, new Open(time));
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        Iterator<Map.Entry<Long, Open>> sessions = open.entrySet().iterator();
        while (sessions.hasNext()) {
            Map.Entry<Long, Open> entry = sessions.next();
            if (entry.getValue().last + gapMs - 1 <= mark.getTimestamp()) {
                emit(entry.getKey(), entry.getValue());
                sessions.remove();
            }
        }
        super.processWatermark(mark);
    }

    private void emit(long bidder, Open session) {
        output.collect(reuse.replace(new Q11.PartialSession(bidder, session.first, session.last, session.count),
                session.first));
    }

    /** A bidder's partial session still open in this subtask. */
    private static final class Open {
        long first;
        long last;
        long count = 1;

        Open(long time) {
            first = time;
            last = time;
        }
    }
}
