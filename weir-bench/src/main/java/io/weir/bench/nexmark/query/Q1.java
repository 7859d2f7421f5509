package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.MapFunction;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;
import java.math.BigDecimal;

/**
 * q1, currency conversion: every bid with its price in euros, {@code 0.908 * price} as the SQL's
 * {@code DECIMAL(23, 3)}. The decimal is kept exactly, as its unscaled value
 * ({@code price * 908}, scale 3) in a long: an overflow fails the job rather than round.
 */
public final class Q1 extends NexmarkQuery<Q1.EuroBid> {
    private static final long serialVersionUID = 1L;

    /** Euros per dollar, in thousandths. */
    static final long EURO_RATE_THOUSANDTHS = 908;

    /**
     * A bid whose price is in euros.
     *
     * @param priceThousandths {@code 0.908 * price}, in thousandths of the price's unit
     */
    public record EuroBid(long auction, long bidder, long priceThousandths, long dateTime, String extra) {
    }

    public Q1() {
        super("q1", "bids with the price converted to euros");
    }

    @Override
    public DataStream<EuroBid> build(DataStream<Event> events) {
        return events.flatMap(new BidsOnly()).name("Bids").map(new ToEuro()).name("To euro");
    }

    @Override
    public String canonicalRow(EuroBid bid) {
        String price = BigDecimal.valueOf(bid.priceThousandths(), 3).toPlainString();
        return bid.auction() + "|" + bid.bidder() + "|" + price + "|" + bid.dateTime() + "|" + bid.extra();
    }

    static final class ToEuro implements MapFunction<Bid, EuroBid> {
        private static final long serialVersionUID = 1L;

        @Override
        public EuroBid map(Bid bid) {
            return new EuroBid(bid.auction(), bid.bidder(), Math.multiplyExact(bid.price(), EURO_RATE_THOUSANDTHS),
                    bid.dateTime(), bid.extra());
        }
    }
}
