package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.bench.nexmark.Auction;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.Person;

/**
 * q3, local item suggestion: who sells in category 10 from Oregon, Idaho or California, and which
 * auctions, as {@code name|city|state|id}. An incremental inner join of persons and auctions on
 * {@code seller = id}, without time bounds: persons and auctions both come from the event stream,
 * so after the filters one keyed function over the events joins them, remembering the seller
 * when it comes first and the auction ids when they do.
 */
public final class Q3 extends NexmarkQuery<Q3.LocalSeller> {
    private static final long serialVersionUID = 1L;

    static final long CATEGORY = 10;

    /** A seller from one of the states, and one auction of theirs in the category. */
    public record LocalSeller(String name, String city, String state, long auction) {
    }

    public Q3() {
        super("q3", "persons in OR, ID or CA selling in category 10");
    }

    @Override
    public DataStream<LocalSeller> build(DataStream<Event> events) {
        return events.filter(new SellersAndAuctions()).name("Persons in OR/ID/CA, auctions in category 10")
                .keyBy(new SellerId(), Types.LONG)
                .process(new JoinSellers())
                .name("Join on seller");
    }

    @Override
    public String canonicalRow(LocalSeller seller) {
        return seller.name() + "|" + seller.city() + "|" + seller.state() + "|" + seller.auction();
    }

    static final class SellersAndAuctions implements FilterFunction<Event> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(Event event) {
            if (event instanceof Person person) {
                String state = person.state();
                return state.equals("OR") || state.equals("ID") || state.equals("CA");
            }
            return event instanceof Auction auction && auction.category() == CATEGORY;
        }
    }

    /** A person's id, an auction's seller. */
    static final class SellerId implements KeySelector<Event, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Event event) {
            return event instanceof Person person ? person.id() : ((Auction) event).seller();
        }
    }

    /** Keyed by seller id: the seller once seen, and the auctions that came before them. */
    static final class JoinSellers extends KeyedProcessFunction<Long, Event, LocalSeller> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Person> seller;
        private transient ListState<Long> earlyAuctions;

        @Override
        public void open(OpenContext openContext) {
            seller = getRuntimeContext().getState(new ValueStateDescriptor<>("seller", Person.class));
            earlyAuctions = getRuntimeContext().getListState(new ListStateDescriptor<>("earlyAuctions", Types.LONG));
        }

        @Override
        public void processElement(Event event, Context ctx, Collector<LocalSeller> out) throws Exception {
            if (event instanceof Person person) {
                for (Long auction : earlyAuctions.get()) {
                    out.collect(new LocalSeller(person.name(), person.city(), person.state(), auction));
                }
                earlyAuctions.clear();
                seller.update(person);
                return;
            }
            Auction auction = (Auction) event;
            Person person = seller.value();
            if (person == null) {
                earlyAuctions.add(auction.id());
            } else {
                out.collect(new LocalSeller(person.name(), person.city(), person.state(), auction.id()));
            }
        }
    }
}
