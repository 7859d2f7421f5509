package io.weir.tests.jobs;

import static io.weir.tests.jobs.BatchInput.EVENTS;
import static io.weir.tests.jobs.BatchInput.env;
import static io.weir.tests.jobs.BatchInput.stamped;
import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.configuration.MemorySize;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One-input keyed programs on the same bounded, out-of-order input in BATCH and in STREAMING mode.
 * The BATCH results are what Flink's batch semantics define, written out by hand: every window of
 * a key fires once, with all of its records (none is late: event time makes no progress before a
 * key's input is complete); a key's timers fire after its last record, timers registered then do
 * not fire; processing-time timers fire at the key's end too; rolling aggregations emit final
 * values only. The STREAMING results follow the punctuated watermarks of {@link BatchInput}.
 */
@Timeout(120)
class BatchExecutionTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    private static final OutputTag<Tuple2<String, Long>> LATE = new OutputTag<>("late",
            Types.<Tuple2<String, Long>>TUPLE(Types.STRING, Types.LONG));

    /** "key[start,end)=t1,t2,..." for a time window, "key=t1,t2,..." for the global window. */
    static final class Describe<W extends Window> extends ProcessWindowFunction<Tuple2<String, Long>, String, String, W> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            StringBuilder sb = new StringBuilder(key);
            if (ctx.window() instanceof TimeWindow w) {
                sb.append("[").append(w.getStart()).append(",").append(w.getEnd()).append(")");
            }
            sb.append("=");
            String sep = "";
            for (Tuple2<String, Long> e : elements) {
                sb.append(sep).append(e.f1);
                sep = ",";
            }
            out.collect(sb.toString());
        }
    }

    private static List<String> tumblingWithLateness(StreamExecutionEnvironment env) throws Exception {
        SingleOutputStreamOperator<String> windows = stamped(env, EVENTS).keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .allowedLateness(Duration.ofMillis(1000))
                .sideOutputLateData(LATE)
                .process(new Describe<>());
        List<String> all = new ArrayList<>();
        windows.getSideOutput(LATE).map(e -> "late " + e.f0 + "@" + e.f1, Types.STRING).union(windows)
                .executeAndCollect(1000).forEach(all::add);
        return all;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tumblingWindowsFireOncePerKeyWithTheirLateRecordsInBatch(int parallelism) throws Exception {
        assertSameElements(List.of("a[0,1000)=50,60,100", "a[1000,2000)=1500", "b[0,1000)=200",
                "b[1000,2000)=1900", "b[2000,3000)=2600"),
                tumblingWithLateness(env(CLUSTER.createEnvironment(parallelism), RuntimeExecutionMode.BATCH)));
    }

    @Test
    void theSameTumblingWindowsInStreamingRefireForLateRecordsAndDropTooLateOnes() throws Exception {
        assertSameElements(List.of("a[0,1000)=100", "b[0,1000)=200", "a[0,1000)=100,50", "a[1000,2000)=1500",
                "b[1000,2000)=1900", "late a@60", "b[2000,3000)=2600"),
                tumblingWithLateness(env(CLUSTER.createEnvironment(1), RuntimeExecutionMode.STREAMING)));
    }

    @Test
    void slidingWindowsHoldEveryRecordOfTheirRangeInBatch() throws Exception {
        List<String> result = stamped(env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH), EVENTS)
                .keyBy(e -> e.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(2000), Duration.ofMillis(1000)))
                .process(new Describe<>()).executeAndCollect(1000);
        // independently: every window [s, s + 2000) with s a multiple of 1000 that holds a record
        TreeMap<String, List<Long>> windows = new TreeMap<>();
        EVENTS.stream().sorted((x, y) -> Long.compare(x.f1, y.f1)).forEach(e -> {
            long last = e.f1 - e.f1 % 1000;
            for (long start = last - 1000; start <= last; start += 1000) {
                windows.computeIfAbsent(e.f0 + "[" + start + "," + (start + 2000) + ")", k -> new ArrayList<>()).add(e.f1);
            }
        });
        List<String> expected = new ArrayList<>();
        windows.forEach((w, ts) -> expected.add(w + "=" + String.join(",", ts.stream().map(String::valueOf).toList())));
        assertSameElements(expected, result);
    }

    @Test
    void sessionWindowsMergeOverTheWholeInputInBatch() throws Exception {
        List<String> result = stamped(env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH), EVENTS)
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(500)))
                .process(new Describe<>()).executeAndCollect(1000);
        assertSameElements(List.of("a[50,600)=50,60,100", "a[1500,2000)=1500", "b[200,700)=200",
                "b[1900,2400)=1900", "b[2600,3100)=2600"), result);
    }

    @Test
    void countTriggerOnTheGlobalWindowSeesEachKeysRecordsInTimestampOrderInBatch() throws Exception {
        List<String> result = stamped(env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH), EVENTS)
                .keyBy(e -> e.f0)
                .window(GlobalWindows.create()).trigger(CountTrigger.<GlobalWindow>of(2))
                .process(new Describe<GlobalWindow>()).executeAndCollect(1000);
        assertSameElements(List.of("a=50,60", "a=50,60,100,1500", "b=200,1900"), result);
    }

    @Test
    void processingTimeWindowsFireAtTheEndOfEachKeyInBatch() throws Exception {
        List<String> result = stamped(env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH), EVENTS)
                .keyBy(e -> e.f0)
                .window(TumblingProcessingTimeWindows.of(Duration.ofDays(1)))
                .process(new ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements,
                            Collector<String> out) {
                        elements.forEach(e -> out.collect(key + "@" + e.f1));
                    }
                }).executeAndCollect(1000);
        // a day-long window can split one key's records only if the job runs across midnight UTC,
        // which changes nothing here: every record comes out once, whichever window holds it
        assertSameElements(EVENTS.stream().map(e -> e.f0 + "@" + e.f1).toList(), result);
    }

    @Test
    void rollingAggregationsEmitOnlyFinalValuesInBatchAndEveryUpdateInStreaming() throws Exception {
        List<Tuple2<String, Long>> batch = stamped(env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH),
                EVENTS).keyBy(e -> e.f0).sum(1).executeAndCollect(100);
        assertSameElements(List.of(Tuple2.of("a", 1710L), Tuple2.of("b", 4700L)), batch);
        List<Tuple2<String, Long>> streaming = stamped(env(CLUSTER.createEnvironment(1),
                RuntimeExecutionMode.STREAMING), EVENTS).keyBy(e -> e.f0).sum(1).executeAndCollect(100);
        assertSameElements(List.of(Tuple2.of("a", 100L), Tuple2.of("b", 200L), Tuple2.of("a", 1600L),
                Tuple2.of("a", 1650L), Tuple2.of("b", 2800L), Tuple2.of("a", 1710L), Tuple2.of("b", 4700L)), streaming);
    }

    @Test
    void automaticModeRunsABoundedJobAsBatch() throws Exception {
        List<Tuple2<String, Long>> result = stamped(env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.AUTOMATIC),
                EVENTS).keyBy(e -> e.f0).reduce((x, y) -> Tuple2.of(x.f0, Math.max(x.f1, y.f1))).executeAndCollect(100);
        assertSameElements(List.of(Tuple2.of("a", 1500L), Tuple2.of("b", 2600L)), result);
    }

    /**
     * Counts the key's records; each record sets an event-time timer 1000 after it and a
     * processing-time timer far in the future. A firing original timer (time a multiple of 10)
     * sets one more timer 1 later: it fires in STREAMING, and is ignored at the end of a key in BATCH.
     */
    static final class TimerTrace extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        static final long FAR_FUTURE = Long.MAX_VALUE - 1;
        private transient ValueState<Long> count;

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<String, Long> e, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1L : count.value() + 1);
            ctx.timerService().registerEventTimeTimer(e.f1 + 1000);
            ctx.timerService().registerProcessingTimeTimer(FAR_FUTURE);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            String at = timestamp == FAR_FUTURE ? "PT" : String.valueOf(timestamp);
            out.collect(ctx.getCurrentKey() + "@" + at + " count=" + count.value());
            if (timestamp % 10 == 0) {
                ctx.timerService().registerEventTimeTimer(timestamp + 1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void timersFireAfterTheKeysLastRecordAndTheirOwnTimersAreIgnoredInBatch(int parallelism) throws Exception {
        List<String> result = stamped(env(CLUSTER.createEnvironment(parallelism), RuntimeExecutionMode.BATCH), EVENTS)
                .keyBy(e -> e.f0).process(new TimerTrace()).executeAndCollect(1000);
        assertSameElements(List.of("a@1050 count=4", "a@1060 count=4", "a@1100 count=4", "a@2500 count=4",
                "a@PT count=4", "b@1200 count=3", "b@2900 count=3", "b@3600 count=3", "b@PT count=3"), result);
    }

    @Test
    void theSameTimersInStreamingFireAsTheWatermarkPassesThem() throws Exception {
        List<String> result = stamped(env(CLUSTER.createEnvironment(1), RuntimeExecutionMode.STREAMING), EVENTS)
                .keyBy(e -> e.f0).process(new TimerTrace()).executeAndCollect(1000);
        // watermarks 99, 199, 1499, 1499, 2599, 2599, 2599, then the end; processing-time timers never come due
        assertEquals(List.of("a@1100 count=2", "a@1101 count=2", "b@1200 count=1", "b@1201 count=1",
                "a@1050 count=3", "a@1051 count=3", "a@2500 count=3", "a@2501 count=3",
                "a@1060 count=4", "a@1061 count=4", "b@2900 count=3", "b@2901 count=3", "b@3600 count=3",
                "b@3601 count=3"), result);
    }

    /**
     * Checks that each key's records arrive together and in timestamp order: counts them and the
     * records that came earlier than the one before; reports both when the key ends.
     */
    static final class OrderCheck extends KeyedProcessFunction<Integer, Tuple2<Integer, Long>, String> {
        private transient ValueState<Long> last;
        private transient ValueState<Long> count;
        private transient ValueState<Long> outOfOrder;

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Types.LONG));
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            outOfOrder = getRuntimeContext().getState(new ValueStateDescriptor<>("outOfOrder", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<Integer, Long> e, Context ctx, Collector<String> out) throws Exception {
            if (last.value() != null && ctx.timestamp() < last.value()) {
                outOfOrder.update(outOfOrder.value() == null ? 1 : outOfOrder.value() + 1);
            }
            last.update(ctx.timestamp());
            count.update(count.value() == null ? 1 : count.value() + 1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + ":" + count.value() + ":" + (outOfOrder.value() == null ? 0
                    : outOfOrder.value()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1kb", "128mb"})
    void aSortThatSpillsGivesTheSameResults(String memory) throws Exception {
        StreamExecutionEnvironment env = env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH);
        env.configure(new Configuration().set(ExecutionOptions.SORTED_INPUTS_MEMORY, MemorySize.parse(memory)));
        int keys = 37;
        List<Tuple2<Integer, Long>> records = new ArrayList<>();
        long[] counts = new long[keys];
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Tuple2<Integer, Long> r = Tuple2.of(random.nextInt(keys), (long) random.nextInt(1_000_000));
            records.add(r);
            counts[r.f0]++;
        }
        List<String> result = env.fromData(records)
                .assignTimestampsAndWatermarks(io.weir.api.eventtime.WatermarkStrategy
                        .<Tuple2<Integer, Long>>forMonotonousTimestamps().withTimestampAssigner((r, p) -> r.f1))
                .keyBy(r -> r.f0).process(new OrderCheck()).executeAndCollect(1000);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            expected.add(k + ":" + counts[k] + ":0");
        }
        assertSameElements(expected, result);
    }

    @Test
    void aCheckpointIntervalIsIgnoredInBatch() throws Exception {
        StreamExecutionEnvironment env = env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH);
        env.configure(new Configuration().set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(10)));
        List<Tuple2<String, Long>> result = stamped(env, EVENTS).keyBy(e -> e.f0).sum(1).executeAndCollect(100);
        assertSameElements(List.of(Tuple2.of("a", 1710L), Tuple2.of("b", 4700L)), result);
    }

    /** Fails its first attempt on the first record it gets (after the sort, before any output). */
    static final class FailFirstAttempt extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>> {
        @Override
        public void processElement(Tuple2<String, Long> e, Context ctx, Collector<Tuple2<String, Long>> out) {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
                throw new IllegalStateException("first attempt fails on purpose");
            }
            out.collect(e);
        }
    }

    @Test
    void aFailedBatchJobRunsAgainFromItsBoundedInput() throws Exception {
        StreamExecutionEnvironment env = env(CLUSTER.createEnvironment(2), RuntimeExecutionMode.BATCH);
        env.configure(new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay")
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2)
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10)));
        List<Tuple2<String, Long>> result = stamped(env, EVENTS).keyBy(e -> e.f0).process(new FailFirstAttempt())
                .keyBy(e -> e.f0).sum(1).executeAndCollect(100);
        assertSameElements(List.of(Tuple2.of("a", 1710L), Tuple2.of("b", 4700L)), result);
    }
}
