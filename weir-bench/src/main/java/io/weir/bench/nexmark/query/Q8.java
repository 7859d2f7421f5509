package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.bench.nexmark.Auction;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.Person;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * q8, monitor new users: the persons who created an auction in the same 10 s tumbling window in
 * which they registered, as {@code id|name|starttime}. A window coGroup of persons (by id) and
 * auctions (by seller): a person is written once per window however many auctions they created,
 * as the SQL's {@code GROUP BY} on both sides makes the join one of distinct rows.
 */
public final class Q8 extends EventTimeQuery<Q8.NewSeller> {
    private static final long serialVersionUID = 1L;

    static final long WINDOW_MS = 10_000;

    /** A person who registered and sold in the window starting at {@code windowStart}. */
    public record NewSeller(long id, String name, long windowStart) {
    }

    public Q8() {
        super("q8", "persons who created an auction in the 10 s window they registered in");
    }

    @Override
    public DataStream<NewSeller> build(DataStream<Event> events) {
        DataStream<Person> persons = events.flatMap(new PersonsOnly()).name("Persons");
        DataStream<Auction> auctions = events.flatMap(new AuctionsOnly()).name("Auctions");
        return persons.coGroup(auctions)
                .where(new PersonId(), Types.LONG)
                .equalTo(new Seller(), Types.LONG)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MS)))
                .apply(new SellersOfTheirWindow())
                .name("Persons selling in their first window");
    }

    @Override
    public String canonicalRow(NewSeller seller) {
        return seller.id() + "|" + seller.name() + "|" + seller.windowStart();
    }

    static final class PersonsOnly implements FlatMapFunction<Event, Person> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<Person> out) {
            if (event instanceof Person person) {
                out.collect(person);
            }
        }
    }

    static final class AuctionsOnly implements FlatMapFunction<Event, Auction> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Event event, Collector<Auction> out) {
            if (event instanceof Auction auction) {
                out.collect(auction);
            }
        }
    }

    static final class PersonId implements KeySelector<Person, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Person person) {
            return person.id();
        }
    }

    static final class Seller implements KeySelector<Auction, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Auction auction) {
            return auction.seller();
        }
    }

    /** The window's persons of this id, once per name, if they sold anything in the window. */
    static final class SellersOfTheirWindow implements CoGroupFunction<Person, Auction, NewSeller> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<Person> persons, Iterable<Auction> auctions, Collector<NewSeller> out) {
            if (!auctions.iterator().hasNext()) {
                return;
            }
            Set<String> names = new HashSet<>();
            for (Person person : persons) {
                if (names.add(person.name())) {
                    long start = person.dateTime() - Math.floorMod(person.dateTime(), WINDOW_MS);
                    out.collect(new NewSeller(person.id(), person.name(), start));
                }
            }
        }
    }
}
