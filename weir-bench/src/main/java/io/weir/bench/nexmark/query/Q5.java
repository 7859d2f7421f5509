package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.bench.nexmark.Event;
import java.time.Duration;

/**
 * q5, hot items: for each 10 s window sliding by 2 s, the auctions with the most bids in it (all of
 * them when several tie), as {@code auction|num}. First the bids per auction and window, then per
 * window the auctions whose count is the window's largest, once the watermark has passed the
 * window (every count of it has arrived by then). Each source subtask first combines its bids
 * into counts per auction and 2 s slice ({@link SliceCounts}); the windows sum those.
 */
public final class Q5 extends EventTimeQuery<Q5.AuctionCount> {
    private static final long serialVersionUID = 1L;

    static final Duration SIZE = Duration.ofSeconds(10);
    static final Duration SLIDE = Duration.ofSeconds(2);

    /** The number of bids on {@code auction} in the window that ends at {@code windowEnd}. */
    public record AuctionCount(long auction, long num, long windowEnd) {
    }

    public Q5() {
        super("q5", "auctions with the most bids per 10 s window sliding by 2 s");
    }

    @Override
    public DataStream<AuctionCount> build(DataStream<Event> events) {
        return events.flatMap(new BidKeys.Auctions(), Types.LONG).name("Auctions of bids")
                .transform("Bids per auction and slice", Types.TUPLE(Types.LONG, Types.LONG),
                        new SliceCounts(SLIDE.toMillis()))
                .keyBy(new CountedAuction(), Types.LONG)
                .window(SlidingEventTimeWindows.of(SIZE, SLIDE))
                .aggregate(new SumCounts(), new ToAuctionCount())
                .name("Bids per auction and window")
                .keyBy(new WindowEnd(), Types.LONG)
                .process(new MostBids())
                .name("Auctions with the most bids");
    }

    @Override
    public String canonicalRow(AuctionCount result) {
        return result.auction() + "|" + result.num();
    }

    static final class CountedAuction implements KeySelector<Tuple2<Long, Long>, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Tuple2<Long, Long> auctionCount) {
            return auctionCount.f0;
        }
    }

    /** The sum of the partial counts (auction, count) of {@link SliceCounts}. */
    static final class SumCounts implements AggregateFunction<Tuple2<Long, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<Long, Long> auctionCount, Long sum) {
            return sum + auctionCount.f1;
        }

        @Override
        public Long getResult(Long sum) {
            return sum;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class ToAuctionCount extends ProcessWindowFunction<Long, AuctionCount, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long auction, Context context, Iterable<Long> counts, Collector<AuctionCount> out) {
            out.collect(new AuctionCount(auction, counts.iterator().next(), context.window().getEnd()));
        }
    }

    static final class WindowEnd implements KeySelector<AuctionCount, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(AuctionCount count) {
            return count.windowEnd();
        }
    }

    /**
     * Keyed by window end: keeps the largest count and the counts that equal it, and emits them
     * when the watermark reaches the window's last millisecond, the time the window operator
     * gives its results.
     */
    static final class MostBids extends KeyedProcessFunction<Long, AuctionCount, AuctionCount> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Long> max;
        private transient ListState<AuctionCount> atMax;

        @Override
        public void open(OpenContext openContext) {
            max = getRuntimeContext().getState(new ValueStateDescriptor<>("max", Types.LONG));
            atMax = getRuntimeContext().getListState(new ListStateDescriptor<>("atMax", AuctionCount.class));
        }

        @Override
        public void processElement(AuctionCount count, Context ctx, Collector<AuctionCount> out) throws Exception {
            Long current = max.value();
            if (current == null) {
                ctx.timerService().registerEventTimeTimer(count.windowEnd() - 1);
            }
            if (current == null || count.num() > current) {
                max.update(count.num());
                atMax.clear();
                atMax.add(count);
            } else if (count.num() == current) {
                atMax.add(count);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<AuctionCount> out) throws Exception {
            for (AuctionCount count : atMax.get()) {
                out.collect(count);
            }
            atMax.clear();
            max.clear();
        }
    }
}
