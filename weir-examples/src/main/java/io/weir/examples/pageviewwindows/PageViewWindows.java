package io.weir.examples.pageviewwindows;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.GeneratorFunction;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.examples.pipelines.CountAggregate;
import java.time.Duration;

/**
 * An event-time job: page views arrive out of order (many up to 3 s, a few a whole minute behind
 * the views around them), a bounded-out-of-orderness watermark tolerates 2 s, and a tumbling 10 s
 * window counts the views of each page. Views that arrive after their window closed are not
 * dropped silently: they go to a side output and are printed as {@code LATE ...}. The source is
 * rate-limited so that watermarks (emitted every 200 ms) advance while the views stream in.
 *
 * <p>The input is bounded, so the job ends with the final watermark, which closes every window.
 * The counts do not depend on arrival order except for the late views: window count plus late
 * views is always the number of views of that page in that window.
 *
 * <pre>bin/weir example page-view-windows [--events N] [--parallelism P]</pre>
 */
public final class PageViewWindows {
    /** Views that arrive after the watermark passed the end of their window. */
    public static final OutputTag<PageView> LATE = new OutputTag<>("late-views", Types.RECORD(PageView.class));

    /** 100 s of event time per second: a job of 20,000 views takes about two seconds. */
    static final double VIEWS_PER_SECOND = 10_000;

    private PageViewWindows() {}

    /** A view of a page at an event time (epoch milliseconds). */
    public record PageView(String page, long time) {}

    /** How many views a page had in the window starting at {@code windowStart}. */
    public record WindowCount(String page, long windowStart, long count) {}

    private static final String USAGE = "page-view-windows [--events N] [--parallelism P]";

    public static void main(String[] args) throws Exception {
        long events = 20_000;
        int parallelism = 2;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("'" + args[i] + "' needs a value. Usage: " + USAGE);
            }
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[i + 1]);
                case "--parallelism" -> parallelism = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'. Usage: " + USAGE);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        SingleOutputStreamOperator<WindowCount> counts = build(env, events);
        counts.print();
        counts.getSideOutput(LATE).map(view -> "LATE " + view).returns(Types.STRING).print();
        env.execute("Page view windows");
    }

    /** The pipeline up to the window counts; late views are its side output {@link #LATE}. */
    public static SingleOutputStreamOperator<WindowCount> build(StreamExecutionEnvironment env, long events) {
        DataGeneratorSource<PageView> source = new DataGeneratorSource<>(new PageViews(), events,
                RateLimiterStrategy.perSecond(VIEWS_PER_SECOND), Types.RECORD(PageView.class));
        DataStream<PageView> views = env.fromSource(source,
                WatermarkStrategy.<PageView>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                        .withTimestampAssigner((view, previous) -> view.time()),
                "Page views");
        return views
                .keyBy(PageView::page)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .sideOutputLateData(LATE)
                .aggregate(new CountAggregate<PageView>(), new LabelWithWindow())
                .name("Views per page and 10 s");
    }

    /**
     * View {@code i} happens at {@code 60 s + i * 10 ms}, minus up to 3 s for every 7th view and minus a
     * minute for every 50th, so some views are later than the 2 s the watermark allows.
     */
    public static final class PageViews implements GeneratorFunction<Long, PageView> {
        private static final long serialVersionUID = 1L;
        private static final String[] PAGES = {"/home", "/search", "/cart", "/checkout", "/help"};
        /** Event time of the first view: a minute in, so even the latest views have a time >= 0. */
        private static final long START = 60_000;

        @Override
        public PageView map(Long index) {
            long delay = index % 50 == 0 ? 60_000 : index % 7 == 0 ? (index * 37) % 3_000 : 0;
            return new PageView(PAGES[(int) (index % PAGES.length)], START + index * 10 - delay);
        }
    }

    /** Adds the page and the window's start to the count. */
    static final class LabelWithWindow extends ProcessWindowFunction<Long, WindowCount, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String page, Context context, Iterable<Long> counts, Collector<WindowCount> out) {
            out.collect(new WindowCount(page, context.window().getStart(), counts.iterator().next()));
        }
    }
}
