package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.bench.nexmark.Event;
import java.time.Duration;

/**
 * q12, processing-time windows: the number of bids of each bidder in each 10 s tumbling window of
 * processing time, as {@code bidder|bid_count|starttime|endtime}. Which bids share a window depends
 * on when they are processed, so the result differs from run to run and has no reference; and as
 * in Flink, the windows still open when a bounded input ends do not fire, so a run shorter than
 * a window has no result rows.
 */
public final class Q12 extends NexmarkQuery<Q12.WindowCount> {
    private static final long serialVersionUID = 1L;

    static final Duration SIZE = Duration.ofSeconds(10);

    /** The bids of one bidder in one processing-time window. */
    public record WindowCount(long bidder, long bidCount, long start, long end) {
    }

    public Q12() {
        super("q12", "bids per bidder per 10 s processing-time window (not deterministic)");
    }

    @Override
    public DataStream<WindowCount> build(DataStream<Event> events) {
        return events.flatMap(new BidKeys.Bidders(), Types.LONG).name("Bidders of bids")
                .keyBy(new BidKeys.Itself(), Types.LONG)
                .window(TumblingProcessingTimeWindows.of(SIZE))
                .aggregate(new Count<>(), new ToWindowCount())
                .name("Bids per processing-time window");
    }

    @Override
    public String canonicalRow(WindowCount count) {
        return count.bidder() + "|" + count.bidCount() + "|" + count.start() + "|" + count.end();
    }

    static final class ToWindowCount extends ProcessWindowFunction<Long, WindowCount, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long bidder, Context context, Iterable<Long> counts, Collector<WindowCount> out) {
            TimeWindow window = context.window();
            out.collect(new WindowCount(bidder, counts.iterator().next(), window.getStart(), window.getEnd()));
        }
    }
}
