package io.weir.bench.nexmark.query;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;

/** Keeps the bids of an event stream, as the {@code bid} view of the Nexmark SQL does. */
final class BidsOnly implements FlatMapFunction<Event, Bid> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Event event, Collector<Bid> out) {
        if (event instanceof Bid bid) {
            out.collect(bid);
        }
    }
}
