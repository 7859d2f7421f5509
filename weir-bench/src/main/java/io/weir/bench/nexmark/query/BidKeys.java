package io.weir.bench.nexmark.query;

import io.weir.api.functions.KeySelector;
import io.weir.bench.nexmark.Bid;

/** The keys the queries group bids by. */
final class BidKeys {
    private BidKeys() {
    }

    /** A bid's bidder. */
    static final class Bidder implements KeySelector<Bid, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Bid bid) {
            return bid.bidder();
        }
    }

    /** The auction a bid is on. */
    static final class Auction implements KeySelector<Bid, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Bid bid) {
            return bid.auction();
        }
    }
}
