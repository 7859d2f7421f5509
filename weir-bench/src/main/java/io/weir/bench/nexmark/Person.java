package io.weir.bench.nexmark;

/** A person who registered to sell or bid; {@code extra} pads the event to its average size. */
public record Person(long id, String name, String emailAddress, String creditCard, String city,
        String state, long dateTime, String extra) implements Event {
}
