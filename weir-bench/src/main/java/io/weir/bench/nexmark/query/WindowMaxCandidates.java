package io.weir.bench.nexmark.query;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.bench.nexmark.Bid;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first, local step of {@link Q7}: per tumbling window, the bids of this subtask at its
 * highest price so far (a bid below it cannot be at the window's global maximum), plus the bids
 * made exactly at the window's end, which the SQL's closed range {@code [end - size, end]} also
 * joins with the window. When the watermark reaches a window's end every bid up to and including
 * the end has arrived, so the window's candidates go out and its entry is dropped.
 *
 * <p>Threading: the task's thread only.
 */
final class WindowMaxCandidates extends AbstractStreamOperator<Q7.Candidate>
        implements OneInputStreamOperator<Bid, Q7.Candidate> {
    private static final long serialVersionUID = 1L;

    private final long windowMs;
    private transient TreeMap<Long, LocalWindow> windows;
    private transient StreamRecord<Q7.Candidate> reuse;

    WindowMaxCandidates(long windowMs) {
        this.windowMs = windowMs;
    }

    @Override
    public void open() throws Exception {
        windows = new TreeMap<>();
        reuse = new StreamRecord<>(null);
    }

    @Override
    public void processElement(StreamRecord<Bid> record) {
        Bid bid = record.getValue();
        long time = bid.dateTime();
        long offset = Math.floorMod(time, windowMs);
        window(time - offset + windowMs).offer(bid);
        if (offset == 0) {
            window(time).atEnd.add(bid);
        }
    }

    private LocalWindow window(long end) {
        LocalWindow window = windows.get(end);
        if (window == null) {
            window = new LocalWindow();
            windows.put(end, window);
        }
        return window;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        Iterator<Map.Entry<Long, LocalWindow>> due = windows.headMap(mark.getTimestamp(), true).entrySet().iterator();
        while (due.hasNext()) {
            Map.Entry<Long, LocalWindow> entry = due.next();
            long end = entry.getKey();
            LocalWindow window = entry.getValue();
            for (Bid bid : window.atMax) {
                output.collect(reuse.replace(new Q7.Candidate(end, true, bid), end));
            }
            for (Bid bid : window.atEnd) {
                // Another subtask may hold this window's bids, so without local ones the bid stays a candidate.
                if (window.atMax.isEmpty() || bid.price() >= window.max) {
                    output.collect(reuse.replace(new Q7.Candidate(end, false, bid), end));
                }
            }
            due.remove();
        }
        super.processWatermark(mark);
    }

    /** This subtask's view of one window. */
    private static final class LocalWindow {
        long max = Long.MIN_VALUE;
        final List<Bid> atMax = new ArrayList<>();
        final List<Bid> atEnd = new ArrayList<>();

        void offer(Bid bid) {
            if (bid.price() > max) {
                max = bid.price();
                atMax.clear();
                atMax.add(bid);
            } else if (bid.price() == max) {
                atMax.add(bid);
            }
        }
    }
}
