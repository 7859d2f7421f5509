package io.weir.bench.nexmark;

/**
 * An item put up for auction by {@code seller}; prices are in cents, times in epoch milliseconds,
 * and the auction closes at {@code expires}.
 */
public record Auction(long id, String itemName, String description, long initialBid, long reserve,
        long dateTime, long expires, long seller, long category, String extra) implements Event {
}
