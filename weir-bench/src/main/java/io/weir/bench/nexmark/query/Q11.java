package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.weir.api.windowing.assigners.SessionWindowTimeGapExtractor;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.bench.nexmark.Event;
import java.time.Duration;

/**
 * q11, user sessions: the number of bids of each bidder in each of their sessions, a session
 * ending after 10 s without a bid, as {@code bidder|bid_count|starttime|endtime}. The session's end
 * is its last bid's time plus the gap, as SQL's {@code SESSION_END}. Each source subtask first
 * merges its bids into partial sessions ({@link PartialSessions}); the session windows merge those.
 */
public final class Q11 extends EventTimeQuery<Q11.Session> {
    private static final long serialVersionUID = 1L;

    static final Duration GAP = Duration.ofSeconds(10);

    /** Bids of one bidder merged into one session by one subtask: {@code count} bids from {@code first} to {@code last}. */
    public record PartialSession(long bidder, long first, long last, long count) {
    }

    /** The bids of one bidder in one session. */
    public record Session(long bidder, long bidCount, long start, long end) {
    }

    public Q11() {
        super("q11", "bids per bidder per session (10 s gap)");
    }

    @Override
    public DataStream<Session> build(DataStream<Event> events) {
        return events.flatMap(new BidKeys.Bidders(), Types.LONG).name("Bidders of bids")
                .transform("Partial sessions", TypeInformation.of(PartialSession.class), new PartialSessions(GAP.toMillis()))
                .keyBy(new PartialBidder(), Types.LONG)
                .window(DynamicEventTimeSessionWindows.withDynamicGap(new PartialGap()))
                .aggregate(new SumCounts(), new ToSession())
                .name("Bids per session");
    }

    @Override
    public String canonicalRow(Session session) {
        return session.bidder() + "|" + session.bidCount() + "|" + session.start() + "|" + session.end();
    }

    static final class PartialBidder implements KeySelector<PartialSession, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(PartialSession session) {
            return session.bidder();
        }
    }

    /**
     * A partial session, stamped with its first bid's time, gets the window
     * {@code [first, last + gap)}: the union of its bids' windows.
     */
    static final class PartialGap implements SessionWindowTimeGapExtractor<PartialSession> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extract(PartialSession session) {
            return session.last() - session.first() + GAP.toMillis();
        }
    }

    static final class SumCounts implements AggregateFunction<PartialSession, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(PartialSession session, Long sum) {
            return sum + session.count();
        }

        @Override
        public Long getResult(Long sum) {
            return sum;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class ToSession extends ProcessWindowFunction<Long, Session, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long bidder, Context context, Iterable<Long> counts, Collector<Session> out) {
            TimeWindow window = context.window();
            out.collect(new Session(bidder, counts.iterator().next(), window.getStart(), window.getEnd()));
        }
    }
}
