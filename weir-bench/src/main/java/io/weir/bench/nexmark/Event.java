package io.weir.bench.nexmark;

/**
 * One Nexmark event: a new {@link Person}, a new {@link Auction}, or a {@link Bid} on an auction.
 * Every event has an event time in epoch milliseconds.
 */
public sealed interface Event permits Person, Auction, Bid {
    /** Event time, epoch milliseconds (UTC). */
    long dateTime();
}
