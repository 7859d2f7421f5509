package io.weir.bench.nexmark;

import java.io.Serializable;

/**
 * The Nexmark event generator: event {@code i} (0-based, global) is a pure function of the
 * {@link NexmarkConfig} and {@code i}, so any split of the index range over parallel readers yields
 * the same events. It reproduces, draw for draw, the normative generator of the Flink anchor
 * harness ({@code shared/anchors/flink-nexmark}), which {@code docs/benchmarks.md} summarises:
 *
 * <ul>
 *   <li>kind: {@code i % 50 == 0} is a person, {@code 1..3} an auction, {@code 4..49} a bid;
 *   <li>event time: {@code baseTimeMs + floor(i * 1000 / eventsPerSecond)};
 *   <li>every event draws from its own {@code SplittableRandom} (here {@link SplitMixRandom}, which
 *       yields the same numbers), seeded with {@code mix64(seed + (i + 1) * GOLDEN_GAMMA)}; the
 *       draws happen in field order, as below;
 *   <li>person and auction ids count from 1000; sellers, bidders and auctions are "hot" (a multiple
 *       of 100) 3/4, 3/4 and 1/2 of the time, else recent (with a lead of 10 not yet created ids);
 *   <li>{@code extra} pads person, auction and bid events to 200, 500 and 100 bytes on average.
 * </ul>
 *
 * <p>Threading: an instance reuses one random generator for all events, so it is used by one
 * thread at a time (each source reader has its own). The static tables are immutable and shared by
 * all generators of the same seed.
 */
public final class NexmarkGenerator implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int PERSON_PROPORTION = 1;
    static final int AUCTION_PROPORTION = 3;
    static final int TOTAL_PROPORTION = 50;
    static final long FIRST_PERSON_ID = 1000L;
    static final long FIRST_AUCTION_ID = 1000L;
    static final long FIRST_CATEGORY_ID = 10L;
    static final int CATEGORIES = 5;
    static final int HOT_BATCH = 100;
    static final int ACTIVE_PEOPLE = 1000;
    static final int IN_FLIGHT_AUCTIONS = 100;
    static final int ID_LEAD = 10;
    /** Events until {@link #IN_FLIGHT_AUCTIONS} more auctions exist; sets how long auctions run. */
    static final long AUCTION_HORIZON_EVENTS = (long) IN_FLIGHT_AUCTIONS * TOTAL_PROPORTION / AUCTION_PROPORTION;

    static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
            "Sarah", "Deiter", "Walter"};
    static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith",
            "Jones", "Noris"};
    static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
            "Redmond", "Seattle", "Kent", "Cheyenne"};
    static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};

    private final NexmarkConfig config;
    private transient NexmarkTables tables;
    private transient SplitMixRandom random;

    public NexmarkGenerator(NexmarkConfig config) {
        this.config = config;
    }

    public NexmarkConfig config() {
        return config;
    }

    /** Builds the static tables now instead of on the first event. */
    public NexmarkGenerator prepare() {
        tables();
        return this;
    }

    /** The event with global index {@code index}. */
    public Event event(long index) {
        NexmarkTables t = tables();
        SplitMixRandom random = this.random.reset(
                SplitMixRandom.mix64(config.seed() + (index + 1) * SplitMixRandom.GOLDEN_GAMMA));
        long slot = index % TOTAL_PROPORTION;
        if (slot < PERSON_PROPORTION) {
            return person(index, random, t);
        }
        if (slot < PERSON_PROPORTION + AUCTION_PROPORTION) {
            return auction(index, random, t);
        }
        return bid(index, random, t);
    }

    /** True if event {@code index} is a bid (46 of every 50 events). */
    public static boolean isBid(long index) {
        return index % TOTAL_PROPORTION >= PERSON_PROPORTION + AUCTION_PROPORTION;
    }

    /** Event time of event {@code index}, epoch milliseconds. */
    public long eventTime(long index) {
        return config.baseTimeMs() + index * 1000L / config.eventsPerSecond();
    }

    private Person person(long index, SplitMixRandom random, NexmarkTables t) {
        long id = lastPersonId(index) + FIRST_PERSON_ID;
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String name = first + ' ' + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String user = randomString(random, 7, ' ');
        String email = user + '@' + randomString(random, 5, ' ') + ".com";
        String creditCard = creditCard(random);
        String city = CITIES[random.nextInt(CITIES.length)];
        String state = STATES[random.nextInt(STATES.length)];
        int size = 8 + name.length() + email.length() + creditCard.length() + city.length() + state.length();
        String extra = t.extra(random, size, 200);
        return new Person(id, name, email, creditCard, city, state, eventTime(index), extra);
    }

    private Auction auction(long index, SplitMixRandom random, NexmarkTables t) {
        long time = eventTime(index);
        long id = lastAuctionId(index) + FIRST_AUCTION_ID;
        long seller = random.nextInt(4) > 0
                ? lastPersonId(index) / HOT_BATCH * HOT_BATCH
                : recentPersonId(index, random);
        long category = FIRST_CATEGORY_ID + random.nextInt(CATEGORIES);
        long initialBid = price(random);
        long horizonMs = eventTime(index + AUCTION_HORIZON_EVENTS) - time;
        long expires = time + 1 + boundedLong(random, Math.max(2 * horizonMs, 1L));
        String itemName = randomString(random, 20, ' ');
        String description = randomString(random, 100, ' ');
        long reserve = initialBid + price(random);
        int size = 8 + itemName.length() + description.length() + 5 * 8;
        String extra = t.extra(random, size, 500);
        return new Auction(id, itemName, description, initialBid, reserve, time, expires,
                seller + FIRST_PERSON_ID, category, extra);
    }

    private Bid bid(long index, SplitMixRandom random, NexmarkTables t) {
        long auction = random.nextInt(2) > 0
                ? lastAuctionId(index) / HOT_BATCH * HOT_BATCH
                : recentAuctionId(index, random);
        long bidder = random.nextInt(4) > 0
                ? lastPersonId(index) / HOT_BATCH * HOT_BATCH + 1
                : recentPersonId(index, random);
        long price = price(random);
        String channel;
        String url;
        if (random.nextInt(2) > 0) {
            int hot = random.nextInt(NexmarkTables.HOT_CHANNELS.length);
            channel = NexmarkTables.HOT_CHANNELS[hot];
            url = t.hotUrl(hot);
        } else {
            int c = random.nextInt(NexmarkTables.CHANNELS);
            channel = t.channelName(c);
            url = t.channelUrl(c);
        }
        String extra = t.extra(random, 4 * 8, 100);
        return new Bid(auction + FIRST_AUCTION_ID, bidder + FIRST_PERSON_ID, price, channel, url,
                eventTime(index), extra);
    }

    /** Four groups of four digits, zero-padded, separated by spaces. */
    private static String creditCard(SplitMixRandom random) {
        char[] digits = new char[19];
        for (int group = 0; group < 4; group++) {
            int n = random.nextInt(10_000);
            int at = group * 5;
            if (group > 0) {
                digits[at - 1] = ' ';
            }
            for (int k = 3; k >= 0; k--) {
                digits[at + k] = (char) ('0' + n % 10);
                n /= 10;
            }
        }
        return new String(digits);
    }

    /** The newest person id (0-based) at event {@code index}: one person per 50 events. */
    static long lastPersonId(long index) {
        return index / TOTAL_PROPORTION;
    }

    /** The newest auction id (0-based) at event {@code index}; -1 before the first auction. */
    static long lastAuctionId(long index) {
        long epoch = index / TOTAL_PROPORTION;
        long slot = index % TOTAL_PROPORTION;
        if (slot < PERSON_PROPORTION) {
            return (epoch - 1) * AUCTION_PROPORTION + AUCTION_PROPORTION - 1;
        }
        long inEpoch = Math.min(slot - PERSON_PROPORTION, AUCTION_PROPORTION - 1);
        return epoch * AUCTION_PROPORTION + inEpoch;
    }

    /** One of the last {@link #ACTIVE_PEOPLE} people, or one of the next {@link #ID_LEAD}. */
    private static long recentPersonId(long index, SplitMixRandom random) {
        long people = lastPersonId(index) + 1;
        long active = Math.min(people, ACTIVE_PEOPLE);
        return people - active + boundedLong(random, active + ID_LEAD);
    }

    /** One of the last {@link #IN_FLIGHT_AUCTIONS} auctions, or one of the next {@link #ID_LEAD}. */
    private static long recentAuctionId(long index, SplitMixRandom random) {
        long newest = lastAuctionId(index);
        long oldest = Math.max(newest - IN_FLIGHT_AUCTIONS, 0);
        return oldest + boundedLong(random, newest - oldest + 1 + ID_LEAD);
    }

    static long boundedLong(SplitMixRandom random, long bound) {
        if (bound < Integer.MAX_VALUE) {
            return random.nextInt((int) bound);
        }
        return Math.abs(random.nextLong() % bound);
    }

    /** A price in cents, log-uniform between one dollar and a million dollars. */
    static long price(SplitMixRandom random) {
        return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
    }

    /**
     * {@code 3 + nextInt(maxLength - 3)} chars, each {@code special} with probability 1/13 and
     * otherwise a lower-case letter, then trimmed.
     */
    static String randomString(SplitMixRandom random, int maxLength, char special) {
        int length = 3 + random.nextInt(maxLength - 3);
        byte[] chars = new byte[length];
        for (int k = 0; k < length; k++) {
            chars[k] = random.nextInt(13) == 0 ? (byte) special : (byte) ('a' + random.nextInt(26));
        }
        int from = 0;
        int to = length;
        while (from < to && chars[from] <= ' ') {
            from++;
        }
        while (to > from && chars[to - 1] <= ' ') {
            to--;
        }
        return new String(chars, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private NexmarkTables tables() {
        NexmarkTables t = tables;
        if (t == null) {
            t = NexmarkTables.forSeed(config.seed());
            tables = t;
            random = new SplitMixRandom(0);
        }
        return t;
    }
}
