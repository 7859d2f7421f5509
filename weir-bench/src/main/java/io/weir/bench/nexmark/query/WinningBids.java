package io.weir.bench.nexmark.query;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.bench.nexmark.query.Q4.AuctionOrBid;
import java.util.ArrayList;
import java.util.List;

/**
 * The first step of {@link Q4}, keyed by auction id: the highest price bid between the auction's
 * start and its expiry (both included), emitted with the auction's category when the watermark
 * passes the expiry. No bid at or before the expiry can come after that, so the auction is closed
 * and its state dropped; an auction without such a bid emits nothing, as in the SQL's inner join.
 *
 * <p>A bid can come before its auction (a bid names one of the next auctions, and at parallelism
 * above one the auction may be read by another subtask). Such bids wait until the watermark passes
 * their own time: an auction they could count for starts at or before them, so it has come by then.
 */
final class WinningBids extends KeyedProcessFunction<Long, Q4.AuctionOrBid, Q4.CategoryPrice> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<AuctionOrBid> auction;
    private transient ValueState<Long> highest;
    private transient ListState<AuctionOrBid> earlyBids;

    @Override
    public void open(OpenContext openContext) {
        auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", AuctionOrBid.class));
        highest = getRuntimeContext().getState(new ValueStateDescriptor<>("highest", Types.LONG));
        earlyBids = getRuntimeContext().getListState(new ListStateDescriptor<>("earlyBids", AuctionOrBid.class));
    }

    @Override
    public void processElement(AuctionOrBid event, Context ctx, Collector<Q4.CategoryPrice> out) throws Exception {
        if (event.opens()) {
            AuctionOrBid opened = event;
            auction.update(opened);
            for (AuctionOrBid bid : earlyBids.get()) {
                offer(opened, bid);
            }
            earlyBids.clear();
            ctx.timerService().registerEventTimeTimer(opened.expires());
            return;
        }
        AuctionOrBid bid = event;
        AuctionOrBid known = auction.value();
        if (known != null) {
            offer(known, bid);
        } else {
            earlyBids.add(bid);
            ctx.timerService().registerEventTimeTimer(bid.dateTime());
        }
    }

    private void offer(AuctionOrBid on, AuctionOrBid bid) throws Exception {
        if (bid.dateTime() < on.dateTime() || bid.dateTime() > on.expires()) {
            return;
        }
        Long current = highest.value();
        if (current == null || bid.price() > current) {
            highest.update(bid.price());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Q4.CategoryPrice> out) throws Exception {
        AuctionOrBid known = auction.value();
        if (known != null) {
            if (timestamp == known.expires()) {
                Long winning = highest.value();
                if (winning != null) {
                    out.collect(new Q4.CategoryPrice(known.category(), winning));
                }
                auction.clear();
                highest.clear();
            }
            return;
        }
        // Bids that came before any auction of this id: those at or before the watermark can no longer match.
        List<AuctionOrBid> waiting = new ArrayList<>();
        for (AuctionOrBid bid : earlyBids.get()) {
            if (bid.dateTime() > timestamp) {
                waiting.add(bid);
            }
        }
        earlyBids.update(waiting);
    }
}
