package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.MapFunction;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;

/** q2, selection: {@code auction|price} of the bids on every 123rd auction. */
public final class Q2 extends NexmarkQuery<Q2.AuctionPrice> {
    private static final long serialVersionUID = 1L;

    static final long AUCTION_MODULUS = 123;

    /** The auction and price of a selected bid. */
    public record AuctionPrice(long auction, long price) {
    }

    public Q2() {
        super("q2", "auction and price of the bids on every 123rd auction");
    }

    @Override
    public DataStream<AuctionPrice> build(DataStream<Event> events) {
        return events.flatMap(new BidsOnly()).name("Bids")
                .filter(new OnSelectedAuctions()).name("auction % 123 == 0")
                .map(new ToAuctionPrice()).name("Auction and price");
    }

    @Override
    public String canonicalRow(AuctionPrice result) {
        return result.auction() + "|" + result.price();
    }

    static final class OnSelectedAuctions implements FilterFunction<Bid> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(Bid bid) {
            return bid.auction() % AUCTION_MODULUS == 0;
        }
    }

    static final class ToAuctionPrice implements MapFunction<Bid, AuctionPrice> {
        private static final long serialVersionUID = 1L;

        @Override
        public AuctionPrice map(Bid bid) {
            return new AuctionPrice(bid.auction(), bid.price());
        }
    }
}
