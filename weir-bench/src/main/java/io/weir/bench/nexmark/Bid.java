package io.weir.bench.nexmark;

/** A bid of {@code price} cents by person {@code bidder} on auction {@code auction}. */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime,
        String extra) implements Event {
}
