package io.weir.examples.runningcount;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.GeneratorFunction;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;

/**
 * A streaming job with keyed state: a generator emits page views for a handful of pages at a fixed
 * rate, and a keyed process function keeps a running count per page in {@link ValueState} and
 * prints it every 1,000 views of that page.
 *
 * <pre>bin/weir example running-count [--events N] [--rate PER_SECOND] [--parallelism P]</pre>
 */
public final class RunningCount {
    private RunningCount() {}

    /** A page view: which page, by which user. */
    public record PageView(String page, long user) {}

    /** A page's count so far. */
    public record PageCount(String page, long count) {}

    private static final String USAGE = "running-count [--events N] [--rate PER_SECOND] [--parallelism P]";

    public static void main(String[] args) throws Exception {
        long events = 50_000;
        double rate = 20_000;
        int parallelism = 2;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("'" + args[i] + "' needs a value. Usage: " + USAGE);
            }
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[i + 1]);
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--parallelism" -> parallelism = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'. Usage: " + USAGE);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);

        DataGeneratorSource<PageView> views = new DataGeneratorSource<>(new PageViews(), events,
                RateLimiterStrategy.perSecond(rate), Types.RECORD(PageView.class));

        env.fromSource(views, WatermarkStrategy.noWatermarks(), "Page views")
                .keyBy(PageView::page)
                .process(new CountPerPage())
                .name("Count per page")
                .print();

        env.execute("Running count");
    }

    /** Makes page view {@code i}: pages cycle through a small set, users through a larger one. */
    static final class PageViews implements GeneratorFunction<Long, PageView> {
        private static final long serialVersionUID = 1L;
        private static final String[] PAGES = {"/home", "/search", "/cart", "/checkout", "/help"};

        @Override
        public PageView map(Long index) {
            return new PageView(PAGES[(int) (index * 7 % PAGES.length)], index % 1_000);
        }
    }

    /** Counts views per page in keyed state; reports every 1,000th view of a page. */
    static final class CountPerPage extends KeyedProcessFunction<String, PageView, PageCount> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(PageView view, Context ctx, Collector<PageCount> out) throws Exception {
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            if (next % 1_000 == 0) {
                out.collect(new PageCount(ctx.getCurrentKey(), next));
            }
        }
    }
}
