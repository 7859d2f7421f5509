package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.bench.nexmark.Auction;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;

/**
 * q4, average price for a category: per category, the average of the winning (highest) bid of
 * each auction, counting only bids made between the auction's start and its expiry (both
 * included), as {@code category|average}; the SQL's {@code AVG} of a {@code BIGINT} is a
 * {@code BIGINT}, the integer quotient.
 *
 * <p>First, keyed by auction ({@link WinningBids}), each auction closes when the watermark passes
 * its expiry, and its highest bid goes on; then, keyed by category ({@link CategoryAverage}), the
 * running average is updated and emitted. The result is an upsert stream keyed by category: the
 * final result is each category's last average.
 */
public final class Q4 extends EventTimeQuery<Q4.CategoryPrice> {
    private static final long serialVersionUID = 1L;

    /**
     * What q4 reads of an auction ({@code opens}: id, start, expiry, category) or of a bid (its
     * auction, time and price), projected before the keyed exchange, as the SQL planner prunes
     * the columns a query does not read.
     */
    public record AuctionOrBid(boolean opens, long auction, long dateTime, long expires, long category, long price) {
    }

    /** A price in a category: an auction's winning bid, or a category's average of them. */
    public record CategoryPrice(long category, long price) {
    }

    public Q4() {
        super("q4", "average winning price of the closed auctions, per category");
    }

    @Override
    public DataStream<CategoryPrice> build(DataStream<Event> events) {
        return events.flatMap(new AuctionsAndBids()).name("Auctions and bids")
                .keyBy(new AuctionId(), Types.LONG)
                .process(new WinningBids())
                .name("Winning bids of closed auctions")
                .keyBy(new Category(), Types.LONG)
                .process(new CategoryAverage())
                .name("Average per category");
    }

    @Override
    public String canonicalRow(CategoryPrice average) {
        return average.category() + "|" + average.price();
    }

    @Override
    public Object upsertKey(CategoryPrice average) {
        return average.category();
    }

    static final class AuctionsAndBids implements FlatMapFunction<Event, AuctionOrBid> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<AuctionOrBid> out) {
            if (event instanceof Bid bid) {
                out.collect(new AuctionOrBid(false, bid.auction(), bid.dateTime(), 0, 0, bid.price()));
            } else if (event instanceof Auction auction) {
                out.collect(new AuctionOrBid(true, auction.id(), auction.dateTime(), auction.expires(),
                        auction.category(), 0));
            }
        }
    }

    static final class AuctionId implements KeySelector<AuctionOrBid, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(AuctionOrBid event) {
            return event.auction();
        }
    }

    static final class Category implements KeySelector<CategoryPrice, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(CategoryPrice price) {
            return price.category();
        }
    }

    static final class CategoryAverage extends KeyedProcessFunction<Long, CategoryPrice, CategoryPrice> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<long[]> sumAndCount;

        @Override
        public void open(OpenContext openContext) {
            sumAndCount = getRuntimeContext().getState(new ValueStateDescriptor<>("sumAndCount", long[].class));
        }

        @Override
        public void processElement(CategoryPrice winner, Context ctx, Collector<CategoryPrice> out) throws Exception {
            long[] acc = sumAndCount.value();
            if (acc == null) {
                acc = new long[2];
            }
            acc[0] = Math.addExact(acc[0], winner.price());
            acc[1]++;
            sumAndCount.update(acc);
            out.collect(new CategoryPrice(winner.category(), acc[0] / acc[1]));
        }
    }
}
