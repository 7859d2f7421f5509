package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;

/** q0, pass-through: every bid, as {@code auction|bidder|price|dateTime|extra}. */
public final class Q0 extends NexmarkQuery<Bid> {
    private static final long serialVersionUID = 1L;

    public Q0() {
        super("q0", "pass-through of bids");
    }

    @Override
    public DataStream<Bid> build(DataStream<Event> events) {
        return events.flatMap(new BidsOnly()).name("Bids");
    }

    @Override
    public String canonicalRow(Bid bid) {
        return bid.auction() + "|" + bid.bidder() + "|" + bid.price() + "|" + bid.dateTime() + "|" + bid.extra();
    }
}
