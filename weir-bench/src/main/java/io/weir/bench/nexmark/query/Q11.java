package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.bench.nexmark.Event;
import java.time.Duration;

/**
 * q11, user sessions: the number of bids of each bidder in each of their sessions, a session
 * ending after 10 s without a bid, as {@code bidder|bid_count|starttime|endtime}. The session's end
 * is its last bid's time plus the gap, as SQL's {@code SESSION_END}.
 */
public final class Q11 extends EventTimeQuery<Q11.Session> {
    private static final long serialVersionUID = 1L;

    static final Duration GAP = Duration.ofSeconds(10);

    /** The bids of one bidder in one session. */
    public record Session(long bidder, long bidCount, long start, long end) {
    }

    public Q11() {
        super("q11", "bids per bidder per session (10 s gap)");
    }

    @Override
    public DataStream<Session> build(DataStream<Event> events) {
        return events.flatMap(new BidKeys.Bidders(), Types.LONG).name("Bidders of bids")
                .keyBy(new BidKeys.Itself(), Types.LONG)
                .window(EventTimeSessionWindows.withGap(GAP))
                .aggregate(new Count<>(), new ToSession())
                .name("Bids per session");
    }

    @Override
    public String canonicalRow(Session session) {
        return session.bidder() + "|" + session.bidCount() + "|" + session.start() + "|" + session.end();
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
