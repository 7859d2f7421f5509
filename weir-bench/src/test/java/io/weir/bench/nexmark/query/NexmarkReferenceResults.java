package io.weir.bench.nexmark.query;

import io.weir.bench.nexmark.Auction;
import io.weir.bench.nexmark.Bid;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.Person;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The final results of the Nexmark queries computed straight from the SQL's meaning over a list of
 * events, in plain Java with whole-input loops and maps (no streams, no watermarks), in canonical
 * row form, sorted. The tests hold the DataStream queries against these.
 */
final class NexmarkReferenceResults {
    private static final long TEN_SECONDS = 10_000;

    private final List<Person> persons = new ArrayList<>();
    private final List<Auction> auctions = new ArrayList<>();
    private final List<Bid> bids = new ArrayList<>();

    NexmarkReferenceResults(List<Event> events) {
        for (Event event : events) {
            if (event instanceof Person p) {
                persons.add(p);
            } else if (event instanceof Auction a) {
                auctions.add(a);
            } else {
                bids.add((Bid) event);
            }
        }
    }

    List<String> of(String query) {
        List<String> rows = switch (query) {
            case "q3" -> q3();
            case "q4" -> q4();
            case "q5" -> q5();
            case "q7" -> q7();
            case "q8" -> q8();
            case "q11" -> q11();
            default -> throw new IllegalArgumentException(query);
        };
        Collections.sort(rows);
        return rows;
    }

    /** Inner join of auctions in category 10 with their sellers from OR, ID or CA. */
    private List<String> q3() {
        List<String> rows = new ArrayList<>();
        for (Auction a : auctions) {
            for (Person p : persons) {
                if (a.seller() == p.id() && a.category() == 10 && Set.of("OR", "ID", "CA").contains(p.state())) {
                    rows.add(p.name() + "|" + p.city() + "|" + p.state() + "|" + a.id());
                }
            }
        }
        return rows;
    }

    /** Per category, the integer average of each auction's highest bid within [dateTime, expires]. */
    private List<String> q4() {
        Map<Long, List<Bid>> bidsByAuction = new HashMap<>();
        for (Bid b : bids) {
            bidsByAuction.computeIfAbsent(b.auction(), k -> new ArrayList<>()).add(b);
        }
        Map<Long, long[]> sumAndCount = new TreeMap<>();
        for (Auction a : auctions) {
            long max = Long.MIN_VALUE;
            for (Bid b : bidsByAuction.getOrDefault(a.id(), List.of())) {
                if (b.dateTime() >= a.dateTime() && b.dateTime() <= a.expires()) {
                    max = Math.max(max, b.price());
                }
            }
            if (max != Long.MIN_VALUE) {
                long[] acc = sumAndCount.computeIfAbsent(a.category(), k -> new long[2]);
                acc[0] += max;
                acc[1]++;
            }
        }
        List<String> rows = new ArrayList<>();
        sumAndCount.forEach((category, acc) -> rows.add(category + "|" + acc[0] / acc[1]));
        return rows;
    }

    /** Per hopping window (10 s, every 2 s), the auctions whose bid count is the window's largest. */
    private List<String> q5() {
        Map<Long, Map<Long, Long>> countsByWindow = new HashMap<>();
        for (Bid b : bids) {
            long lastStart = b.dateTime() - Math.floorMod(b.dateTime(), 2_000L);
            for (long start = lastStart; start > b.dateTime() - TEN_SECONDS; start -= 2_000) {
                countsByWindow.computeIfAbsent(start, k -> new HashMap<>()).merge(b.auction(), 1L, Long::sum);
            }
        }
        List<String> rows = new ArrayList<>();
        for (Map<Long, Long> counts : countsByWindow.values()) {
            long max = Collections.max(counts.values());
            counts.forEach((auction, num) -> {
                if (num >= max) {
                    rows.add(auction + "|" + num);
                }
            });
        }
        return rows;
    }

    /** Bids joined with each tumbling window's maximum price, on price, over [end - 10 s, end]. */
    private List<String> q7() {
        Map<Long, Long> maxByWindowEnd = new HashMap<>();
        for (Bid b : bids) {
            long end = b.dateTime() - Math.floorMod(b.dateTime(), TEN_SECONDS) + TEN_SECONDS;
            maxByWindowEnd.merge(end, b.price(), Math::max);
        }
        List<String> rows = new ArrayList<>();
        maxByWindowEnd.forEach((end, max) -> {
            for (Bid b : bids) {
                if (b.price() == max && b.dateTime() >= end - TEN_SECONDS && b.dateTime() <= end) {
                    rows.add(b.auction() + "|" + b.price() + "|" + b.bidder() + "|" + b.dateTime() + "|" + b.extra());
                }
            }
        });
        return rows;
    }

    /** Distinct persons per tumbling window joined with distinct sellers of the same window. */
    private List<String> q8() {
        Set<String> sellerWindows = new HashSet<>();
        for (Auction a : auctions) {
            sellerWindows.add(a.seller() + "@" + windowStart(a.dateTime()));
        }
        Set<String> rows = new HashSet<>();
        for (Person p : persons) {
            long start = windowStart(p.dateTime());
            if (sellerWindows.contains(p.id() + "@" + start)) {
                rows.add(p.id() + "|" + p.name() + "|" + start);
            }
        }
        return new ArrayList<>(rows);
    }

    /**
     * Bids per bidder per session: a bid joins the session when it comes at most 10 s after the
     * session's last bid (the session windows [t, t + 10 s) touch or overlap); the session ends
     * 10 s after its last bid.
     */
    private List<String> q11() {
        Map<Long, List<Long>> timesByBidder = new HashMap<>();
        for (Bid b : bids) {
            timesByBidder.computeIfAbsent(b.bidder(), k -> new ArrayList<>()).add(b.dateTime());
        }
        List<String> rows = new ArrayList<>();
        timesByBidder.forEach((bidder, times) -> {
            Collections.sort(times);
            long start = times.get(0);
            long last = start;
            long count = 0;
            for (long t : times) {
                if (t > last + TEN_SECONDS) {
                    rows.add(bidder + "|" + count + "|" + start + "|" + (last + TEN_SECONDS));
                    start = t;
                    count = 0;
                }
                last = t;
                count++;
            }
            rows.add(bidder + "|" + count + "|" + start + "|" + (last + TEN_SECONDS));
        });
        return rows;
    }

    private static long windowStart(long time) {
        return time - Math.floorMod(time, TEN_SECONDS);
    }
}
