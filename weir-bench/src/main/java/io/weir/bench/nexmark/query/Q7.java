package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;

/**
 * q7, highest bid: the bids whose price is the highest of a 10 s tumbling window, written as the
 * SQL's {@code auction|price|bidder|dateTime|extra}. The SQL joins each bid with every window
 * {@code [end - 10 s, end]} whose maximum equals its price; the range is closed, so a bid made at
 * the very end of a window (the first millisecond of the next) also counts for it, and such a bid
 * can appear twice.
 *
 * <p>Plan: each source subtask keeps, per window, only the bids at its local maximum and the bids
 * at the window's end ({@link WindowMaxCandidates}); when the watermark passes the window's end
 * it sends those candidates on, keyed by window, where {@link HighestBids} keeps the ones at the
 * global maximum.
 */
public final class Q7 extends EventTimeQuery<Q7.HighestBid> {
    private static final long serialVersionUID = 1L;

    static final long WINDOW_MS = 10_000;

    /** A bid at the highest price of a window. */
    public record HighestBid(long auction, long price, long bidder, long dateTime, String extra) {
    }

    /**
     * A bid that may be at the highest price of the window ending at {@code windowEnd}:
     * {@code inWindow} if it is one of the window's bids, else it was made at {@code windowEnd}.
     */
    public record Candidate(long windowEnd, boolean inWindow, Bid bid) {
    }

    public Q7() {
        super("q7", "highest bid in each 10 s tumbling window");
    }

    @Override
    public DataStream<HighestBid> build(DataStream<Event> events) {
        return events.flatMap(new BidsOnly()).name("Bids")
                .transform("Local window maxima", TypeInformation.of(Candidate.class), new WindowMaxCandidates(WINDOW_MS))
                .keyBy(new CandidateWindow(), Types.LONG)
                .process(new HighestBids())
                .name("Highest bids");
    }

    @Override
    public String canonicalRow(HighestBid bid) {
        return bid.auction() + "|" + bid.price() + "|" + bid.bidder() + "|" + bid.dateTime() + "|" + bid.extra();
    }

    static final class CandidateWindow implements KeySelector<Candidate, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Candidate candidate) {
            return candidate.windowEnd();
        }
    }

    /**
     * Keyed by window end: the window's maximum over its own bids, and every candidate at it, emitted
     * when the watermark reaches the window's end (all candidates have arrived then).
     */
    static final class HighestBids extends KeyedProcessFunction<Long, Candidate, HighestBid> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Long> max;
        private transient ListState<Candidate> candidates;

        @Override
        public void open(OpenContext openContext) {
            max = getRuntimeContext().getState(new ValueStateDescriptor<>("max", Types.LONG));
            candidates = getRuntimeContext().getListState(new ListStateDescriptor<>("candidates", Candidate.class));
        }

        @Override
        public void processElement(Candidate candidate, Context ctx, Collector<HighestBid> out) throws Exception {
            Long current = max.value();
            long price = candidate.bid().price();
            if (candidate.inWindow() && (current == null || price > current)) {
                max.update(price);
            }
            candidates.add(candidate);
            ctx.timerService().registerEventTimeTimer(candidate.windowEnd());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<HighestBid> out) throws Exception {
            Long highest = max.value();
            if (highest != null) {
                for (Candidate candidate : candidates.get()) {
                    Bid bid = candidate.bid();
                    if (bid.price() == highest) {
                        out.collect(new HighestBid(bid.auction(), bid.price(), bid.bidder(), bid.dateTime(), bid.extra()));
                    }
                }
            }
            max.clear();
            candidates.clear();
        }
    }
}
