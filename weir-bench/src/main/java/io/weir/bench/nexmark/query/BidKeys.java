package io.weir.bench.nexmark.query;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeySelector;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;

/**
 * The bid fields the counting queries group by, projected from the events before the stream is
 * keyed (as the SQL planner prunes the columns a query does not read): only a number crosses the
 * exchange, not the whole bid. The record keeps its timestamp, the bid's time.
 */
final class BidKeys {
    private BidKeys() {
    }

    /** The bidder of each bid. */
    static final class Bidders implements FlatMapFunction<Event, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<Long> out) {
            if (event instanceof Bid bid) {
                out.collect(bid.bidder());
            }
        }
    }

    /** The auction of each bid. */
    static final class Auctions implements FlatMapFunction<Event, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<Long> out) {
            if (event instanceof Bid bid) {
                out.collect(bid.auction());
            }
        }
    }

    /** A projected field is its own key. */
    static final class Itself implements KeySelector<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Long value) {
            return value;
        }
    }
}
