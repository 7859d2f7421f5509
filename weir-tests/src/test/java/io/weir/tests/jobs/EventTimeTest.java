package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.source.RichParallelSourceFunction;
import io.weir.api.operators.Watermark;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event time end to end: timestamps and watermarks from sources (per split) and from
 * assignTimestampsAndWatermarks, out-of-order input, the end-of-input watermark, and idleness.
 */
class EventTimeTest {
    private static final int KEYS = 7;
    private static final long WINDOW = 100;
    /** Events arrive at most this much out of order (in event time) within a split. */
    private static final long DISORDER = 40;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Event time of element x: x shifted by a deterministic jitter in [-20, 20]. */
    static long eventTime(long x) {
        return x + Math.floorMod(x * 7919, DISORDER + 1) - DISORDER / 2;
    }

    /** What a correct run computes: per key and tumbling window of event time, the sum of the elements. */
    private static List<String> expectedSums(long count) {
        Map<String, Long> sums = new TreeMap<>();
        for (long x = 0; x < count; x++) {
            long ts = eventTime(x);
            sums.merge(x % KEYS + ":" + Math.floorDiv(ts, WINDOW) * WINDOW, x, Long::sum);
        }
        List<String> expected = new ArrayList<>();
        sums.forEach((k, v) -> expected.add(k + "=" + v));
        return expected;
    }

    /**
     * Sums per key and tumbling event-time window with timers, the way a window operator does; a
     * record at or behind the watermark is reported as LATE instead.
     */
    static final class WindowSums extends KeyedProcessFunction<Long, Long, String> {
        private transient MapState<Long, Long> sums;

        @Override
        public void open(OpenContext context) {
            sums = getRuntimeContext().getMapState(new MapStateDescriptor<>("sums", Types.LONG, Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long ts = ctx.timestamp();
            if (ts <= ctx.timerService().currentWatermark()) {
                out.collect("LATE " + value + "@" + ts + " wm " + ctx.timerService().currentWatermark());
                return;
            }
            long start = Math.floorDiv(ts, WINDOW) * WINDOW;
            Long sum = sums.get(start);
            sums.put(start, sum == null ? value : sum + value);
            ctx.timerService().registerEventTimeTimer(start + WINDOW - 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long start = timestamp - WINDOW + 1;
            String early = ctx.timerService().currentWatermark() < Long.MAX_VALUE ? "E" : "F";
            out.collect(ctx.getCurrentKey() + ":" + start + "=" + sums.get(start) + "|" + early);
            sums.remove(start);
        }
    }

    private static List<String> withoutMarkers(List<String> results) {
        List<String> stripped = new ArrayList<>();
        for (String r : results) {
            stripped.add(r.contains("|") ? r.substring(0, r.indexOf('|')) : r);
        }
        return stripped;
    }

    /**
     * A rate-limited source with bounded disorder and periodic watermarks every 10 ms: no record is
     * late, windows fire while the job runs (not only at the end), and the sums equal those of
     * sorted input.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void outOfOrderSourceWithPerSplitWatermarksGivesTheSortedResult(int parallelism) throws Exception {
        long count = 1_500;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.getConfig().setAutoWatermarkInterval(10);
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(index -> index, count,
                RateLimiterStrategy.perSecond(3_000), Types.LONG);
        List<String> results = env.fromSource(source,
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                                .withTimestampAssigner((x, recordTimestamp) -> eventTime(x)),
                        "jittered")
                .keyBy(x -> x % KEYS)
                .process(new WindowSums())
                .executeAndCollect(1_000_000);

        assertSameElements(expectedSums(count), withoutMarkers(results));
        assertTrue(results.stream().anyMatch(r -> r.endsWith("|E")),
                "some windows fire on periodic watermarks before the end of input: " + results);
    }

    /** assignTimestampsAndWatermarks after a map; the final watermark at the end of input fires the rest. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void assignTimestampsAndWatermarksInTheMiddleOfAJob(int parallelism) throws Exception {
        long count = 3_000;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> results = env.fromSequence(0, count - 1)
                .map(x -> x)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                        .withTimestampAssigner((x, recordTimestamp) -> eventTime(x)))
                .keyBy(x -> x % KEYS)
                .process(new WindowSums())
                .executeAndCollect(1_000_000);
        assertSameElements(expectedSums(count), withoutMarkers(results));
    }

    /**
     * One split of the only reader with data goes silent, and the other reader gets no split: with
     * idleness they stop holding back the watermark, so timers fire although the job never ends.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void idleSplitsAndIdleReadersDoNotStallEventTime(int parallelism) throws Exception {
        int count = 500;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.getConfig().setAutoWatermarkInterval(10);
        List<Long> fired = env.fromSource(new StallingSource(count),
                        WatermarkStrategy.<Long>forMonotonousTimestamps()
                                .withTimestampAssigner((x, recordTimestamp) -> x)
                                .withIdleness(Duration.ofMillis(50)),
                        "stalling", Types.LONG)
                .keyBy(x -> x % KEYS)
                .process(new KeyedProcessFunction<Long, Long, Long>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<Long> out) {
                        ctx.timerService().registerEventTimeTimer(value);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
                        out.collect(timestamp);
                    }
                })
                .executeAndCollect(count - 1);
        // monotonous: the watermark reaches count - 2, so every timer but the last one fires
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < count - 1; x++) {
            expected.add(x);
        }
        assertSameElements(expected, fired);
    }

    /**
     * Subtask 0 emits 0..count-1 with timestamps and a watermark, subtask 1 marks itself idle; both
     * then run until cancelled. Only the idle mark lets subtask 0's watermark through.
     */
    static final class HalfIdleSource extends RichParallelSourceFunction<Long> {
        private final int count;
        private transient volatile java.util.concurrent.CountDownLatch cancelled;

        HalfIdleSource(int count) {
            this.count = count;
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            cancelled = new java.util.concurrent.CountDownLatch(1);
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                for (long x = 0; x < count; x++) {
                    ctx.collectWithTimestamp(x, x);
                }
                ctx.emitWatermark(new Watermark(count - 1));
            } else {
                ctx.markAsTemporarilyIdle();
            }
            cancelled.await();
        }

        @Override
        public void cancel() {
            java.util.concurrent.CountDownLatch latch = cancelled;
            if (latch != null) {
                latch.countDown();
            }
        }
    }

    @Test
    void anIdleSourceFunctionDoesNotHoldBackTheWatermark() throws Exception {
        int count = 200;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        List<Long> fired = env.addSource(new HalfIdleSource(count), "half idle", Types.LONG)
                .keyBy(x -> x % KEYS)
                .process(new KeyedProcessFunction<Long, Long, Long>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<Long> out) {
                        ctx.timerService().registerEventTimeTimer(value);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
                        out.collect(timestamp);
                    }
                })
                .executeAndCollect(count);
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < count; x++) {
            expected.add(x);
        }
        assertSameElements(expected, fired);
    }

    @Test
    void eventTimeHelpersAreConsistent() {
        for (long x = 0; x < 1000; x++) {
            long jitter = eventTime(x) - x;
            assertTrue(jitter >= -DISORDER / 2 && jitter <= DISORDER / 2, "jitter " + jitter);
        }
        assertEquals(expectedSums(10).size(), expectedSums(10).stream().distinct().count());
    }
}
