package io.weir.bench.jmh;

import io.weir.api.tuple.Tuple7;
import io.weir.bench.nexmark.Bid;

/**
 * The same Nexmark bid in the shapes the serializer benchmarks compare: a Java record, a POJO, a
 * tuple, and a class only the generic fallback can serialize.
 */
public final class BenchData {
    private BenchData() {
    }

    static final Bid RECORD = new Bid(1_007L, 1_001L, 6_203_004L, "Google",
            "https://www.nexmark.com/abc/def/ghi/item.htm?query=1", 1_700_000_000_123L,
            "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjkl");

    /** A bid as a POJO: public no-arg constructor and public mutable fields. */
    public static final class BidPojo {
        public long auction;
        public long bidder;
        public long price;
        public String channel;
        public String url;
        public long dateTime;
        public String extra;

        public BidPojo() {
        }

        static BidPojo of(Bid bid) {
            BidPojo pojo = new BidPojo();
            pojo.auction = bid.auction();
            pojo.bidder = bid.bidder();
            pojo.price = bid.price();
            pojo.channel = bid.channel();
            pojo.url = bid.url();
            pojo.dateTime = bid.dateTime();
            pojo.extra = bid.extra();
            return pojo;
        }
    }

    /** A bid that is neither a record, a POJO nor a tuple (final fields, no no-arg constructor). */
    public static final class BidValue {
        private final long auction;
        private final long bidder;
        private final long price;
        private final String channel;
        private final String url;
        private final long dateTime;
        private final String extra;

        BidValue(Bid bid) {
            this.auction = bid.auction();
            this.bidder = bid.bidder();
            this.price = bid.price();
            this.channel = bid.channel();
            this.url = bid.url();
            this.dateTime = bid.dateTime();
            this.extra = bid.extra();
        }

        public long auction() {
            return auction + bidder + price + dateTime + channel.length() + url.length() + extra.length();
        }
    }

    static Tuple7<Long, Long, Long, String, String, Long, String> tuple(Bid bid) {
        return Tuple7.of(bid.auction(), bid.bidder(), bid.price(), bid.channel(), bid.url(), bid.dateTime(),
                bid.extra());
    }
}
