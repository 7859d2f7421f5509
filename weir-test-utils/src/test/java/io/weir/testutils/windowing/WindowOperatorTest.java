package io.weir.testutils.windowing;

import static io.weir.testutils.windowing.WindowTestSupport.builder;
import static io.weir.testutils.windowing.WindowTestSupport.harness;
import static io.weir.testutils.windowing.WindowTestSupport.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.windowing.WindowOperatorBuilder;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.BuiltInOperators;
import io.weir.runtime.operators.windowing.WindowOperator;
import java.time.Duration;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window operator with time windows: firing, results, lateness and cleanup, driven through the harness. */
class WindowOperatorTest {

    private static WindowOperator<String, Tuple2<String, Integer>, ?, String, TimeWindow> describeTumbling(long size) {
        return BuiltInOperators.window(builder(TumblingEventTimeWindows.of(Duration.ofMillis(size)))
                .process(new WindowTestSupport.Describe<>()));
    }

    @Test
    void tumblingEventTimeWindowFiresWhenTheWatermarkPassesItsEndAndIsThenCleanedUp() throws Exception {
        try (var h = harness(builder(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .reduce(new WindowTestSupport.Sum()))) {
            h.processElement(pair("a", 1), 10L);
            h.processElement(pair("b", 5), 20L);
            h.processElement(pair("a", 2), 999L);
            h.processElement(pair("a", 7), 1000L);
            h.processWatermark(998L);
            assertEquals(List.of(new Watermark(998L)), List.copyOf(h.getOutput()));
            h.processWatermark(999L);
            assertEquals(List.of(new Watermark(998L), new StreamRecord<>(pair("a", 3), 999L),
                    new StreamRecord<>(pair("b", 5), 999L), new Watermark(999L)), List.copyOf(h.getOutput()));
            // Only the window [1000, 2000) of "a" is left: its contents, one trigger timer (also its cleanup time).
            assertEquals(1, h.numKeyedStateEntries());
            assertEquals(1, h.numEventTimeTimers());
            h.processWatermark(1999L);
            assertEquals(new StreamRecord<>(pair("a", 7), 1999L), h.extractOutputStreamRecords().get(2));
            assertEquals(0, h.numKeyedStateEntries());
            assertEquals(0, h.numEventTimeTimers());
        }
    }

    @Test
    void tumblingWindowsAlignToTheOffsetAndHandleNegativeTimestamps() throws Exception {
        try (var h = harness(builder(TumblingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(30)))
                .process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 29L);
            h.processElement(pair("a", 2), 30L);
            h.processElement(pair("a", 3), -71L);
            h.processElement(pair("a", 4), -70L);
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of("a[-170,-70)=3", "a[-70,30)=1,4", "a[30,130)=2"), h.extractOutputValues());
        }
    }

    @Test
    void slidingWindowsGiveEachElementToSizeOverSlideWindows() throws Exception {
        try (var h = harness(builder(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)))
                .process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 5L);
            h.processElement(pair("a", 2), 15L);
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of("a[-20,10)=1", "a[-10,20)=1,2", "a[0,30)=1,2", "a[10,40)=2"),
                    h.extractOutputValues());
        }
    }

    @Test
    void aggregateFunctionKeepsOneAccumulatorPerWindow() throws Exception {
        AggregateFunction<Tuple2<String, Integer>, long[], Double> average = new Average();
        try (var h = harness(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .aggregate(average, Types.GENERIC(long[].class)))) {
            h.processElement(pair("a", 1), 1L);
            h.processElement(pair("a", 2), 2L);
            h.processElement(pair("a", 6), 3L);
            assertEquals(1, h.numKeyedStateEntries());
            h.processWatermark(9L);
            assertEquals(List.of(3.0), h.extractOutputValues());
        }
    }

    @Test
    void reduceWithProcessWindowFunctionSeesTheReducedValueAndTheWindow() throws Exception {
        try (var h = harness(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .reduce(new WindowTestSupport.Sum(), new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 1L);
            h.processElement(pair("a", 2), 2L);
            h.processWatermark(9L);
            assertEquals(List.of("a[0,10)=3"), h.extractOutputValues());
        }
    }

    @Test
    void allowedLatenessRefiresTheWindowAndLaterDataGoesToTheSideOutput() throws Exception {
        OutputTag<Tuple2<String, Integer>> late = new OutputTag<>("late", WindowTestSupport.PAIR);
        var builder = builder(TumblingEventTimeWindows.of(Duration.ofMillis(100)));
        builder.allowedLateness(Duration.ofMillis(50));
        builder.sideOutputLateData(late);
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 10L);
            h.processWatermark(100L);
            assertEquals(List.of("a[0,100)=1"), h.extractOutputValues());
            // Late but within the lateness: added, and the window fires again with everything.
            h.processElement(pair("a", 2), 20L);
            assertEquals(List.of("a[0,100)=1", "a[0,100)=1,2"), h.extractOutputValues());
            assertTrue(h.numKeyedStateEntries() > 0, "the window is kept until its cleanup time");
            h.processWatermark(149L);
            assertEquals(0, h.numKeyedStateEntries());
            assertEquals(0, h.numEventTimeTimers());
            h.processElement(pair("a", 3), 30L);
            assertEquals(2, h.extractOutputValues().size());
            assertEquals(List.of(new StreamRecord<>(pair("a", 3), 30L)), List.copyOf(h.getSideOutput(late)));
        }
    }

    @Test
    void anElementLateForSomeSlidingWindowsStillCountsInTheOthers() throws Exception {
        OutputTag<Tuple2<String, Integer>> late = new OutputTag<>("late", WindowTestSupport.PAIR);
        var builder = builder(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)));
        builder.sideOutputLateData(late);
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processWatermark(25L);
            h.processElement(pair("a", 1), 15L);
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of("a[0,30)=1", "a[10,40)=1"), h.extractOutputValues());
            assertEquals(null, h.getSideOutput(late), "nothing is late");
            h.processElement(pair("a", 2), 15L);
            assertEquals(1, h.getSideOutput(late).size());
        }
    }

    @Test
    void lateElementsWithoutSideOutputAreDroppedAndCounted() throws Exception {
        WindowOperator<String, Tuple2<String, Integer>, ?, String, TimeWindow> operator = describeTumbling(100);
        try (var h = harness(operator)) {
            h.processWatermark(200L);
            h.processElement(pair("a", 1), 99L);
            h.processElement(pair("a", 2), 200L);
            assertEquals(1, operator.getNumLateRecordsDropped());
            h.processWatermark(299L);
            assertEquals(List.of("a[200,300)=2"), h.extractOutputValues());
        }
    }

    @Test
    void continuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd() throws Exception {
        var builder = builder(TumblingEventTimeWindows.of(Duration.ofMillis(100)));
        builder.trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(30)));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 5L);
            h.processWatermark(29L);
            assertEquals(List.of(), h.extractOutputValues());
            h.processWatermark(30L);
            h.processElement(pair("a", 2), 40L);
            h.processWatermark(60L);
            h.processWatermark(99L);
            assertEquals(List.of("a[0,100)=1", "a[0,100)=1,2", "a[0,100)=1,2", "a[0,100)=1,2"),
                    h.extractOutputValues());
            assertEquals(0, h.numEventTimeTimers());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void continuousProcessingTimeTriggerFiresEveryIntervalUntilTheWindowEnds() throws Exception {
        var builder = builder(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)));
        builder.trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(30)));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.setProcessingTime(5L);
            h.processElement(pair("a", 1), 0L);
            h.setProcessingTime(30L);
            h.processElement(pair("a", 2), 0L);
            h.setProcessingTime(89L);
            assertEquals(List.of("a[0,100)=1", "a[0,100)=1,2"), h.extractOutputValues());
            h.setProcessingTime(200L);
            assertEquals(List.of("a[0,100)=1", "a[0,100)=1,2", "a[0,100)=1,2", "a[0,100)=1,2"),
                    h.extractOutputValues());
            assertEquals(0, h.numProcessingTimeTimers());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void purgingCountTriggerOnTimeWindowsEmptiesTheWindowOnEachFiring() throws Exception {
        var builder = builder(TumblingEventTimeWindows.of(Duration.ofMillis(100)));
        builder.trigger(PurgingTrigger.of(CountTrigger.of(2)));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            for (int i = 1; i <= 5; i++) {
                h.processElement(pair("a", i), i);
            }
            assertEquals(List.of("a[0,100)=1,2", "a[0,100)=3,4"), h.extractOutputValues());
            // The count trigger never fires on time; the cleanup timer drops the rest.
            h.processWatermark(99L);
            assertEquals(2, h.extractOutputValues().size());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void processingTimeWindowsFireOnTheClock() throws Exception {
        try (var h = harness(builder(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)))
                .process(new WindowTestSupport.Describe<>()))) {
            h.setProcessingTime(10L);
            h.processElement(pair("a", 1), 5000L);
            h.setProcessingTime(98L);
            h.processElement(pair("a", 2), 0L);
            h.setProcessingTime(99L);
            assertEquals(List.of("a[0,100)=1,2"), h.extractOutputValues());
            h.setProcessingTime(100L);
            h.processElement(pair("a", 3), 0L);
            assertEquals(List.of("a[0,100)=1,2"), h.extractOutputValues());
            assertEquals(new StreamRecord<>("a[0,100)=1,2", 99L), h.extractOutputStreamRecords().get(0));
            h.setProcessingTime(250L);
            assertEquals(List.of("a[0,100)=1,2", "a[100,200)=3"), h.extractOutputValues());
            assertEquals(0, h.numProcessingTimeTimers());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void slidingProcessingTimeWindows() throws Exception {
        try (var h = harness(builder(SlidingProcessingTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(10)))
                .process(new WindowTestSupport.Describe<>()))) {
            h.setProcessingTime(15L);
            h.processElement(pair("a", 1), 0L);
            h.setProcessingTime(40L);
            assertEquals(List.of("a[0,20)=1", "a[10,30)=1"), h.extractOutputValues());
        }
    }

    @Test
    void processWindowFunctionHasPerWindowAndPerKeyStateAndClearsPerWindowStateOnCleanup() throws Exception {
        try (var h = harness(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new Counting()))) {
            h.processElement(pair("a", 1), 1L);
            h.processElement(pair("a", 1), 11L);
            h.processWatermark(9L);
            h.processWatermark(19L);
            assertEquals(List.of("a[0,10) firings=1 total=1 wm=9", "a[10,20) firings=1 total=2 wm=19"),
                    h.extractOutputValues());
            // Per-window state was cleared with the windows; the per-key total stays.
            assertEquals(1, h.numKeyedStateEntries());
        }
    }

    @Test
    void windowStateMayHaveATimeToLive() throws Exception {
        var builder = builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        builder.trigger(CountTrigger.of(1));
        try (var h = harness(builder.process(
                new ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                            Collector<String> out) throws Exception {
                        ValueStateDescriptor<Integer> descriptor = new ValueStateDescriptor<>("ttl", Types.INT);
                        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build());
                        ValueState<Integer> firings = context.windowState().getState(descriptor);
                        firings.update(firings.value() == null ? 1 : firings.value() + 1);
                        out.collect(context.window().getStart() + ":" + firings.value());
                    }
                }))) {
            h.processElement(pair("a", 1), 1L);
            h.processElement(pair("a", 1), 2L);
            h.processElement(pair("a", 1), 12L);
            assertEquals(List.of("0:1", "0:2", "10:1"), h.extractOutputValues());
        }
    }

    @Test
    void eventTimeWindowOnRecordWithoutTimestampFailsWithAHint() throws Exception {
        try (var h = harness(describeTumbling(10))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> h.processElement(new StreamRecord<>(pair("a", 1))));
            assertTrue(e.getMessage().contains("WatermarkStrategy"), e.getMessage());
        }
    }

    /** A keyed exchange to one subtask does not look at keys: the keyed operator itself refuses a null one. */
    @Test
    void aNullKeyFailsWithWhatTheKeySelectorReturned() throws Exception {
        try (var h = harness(describeTumbling(10))) {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> h.processElement(pair(null, 1), 5L));
            assertTrue(e.getMessage().contains("The KeySelector returned null for (null,1)"), e.getMessage());
        }
    }

    @Test
    void sideOutputFromTheWindowFunctionCarriesTheWindowEnd() throws Exception {
        OutputTag<String> tag = new OutputTag<>("side", Types.STRING);
        try (var h = harness(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(
                new ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                            Collector<String> out) {
                        context.output(tag, "side-" + key);
                    }
                }))) {
            h.processElement(pair("a", 1), 1L);
            h.processWatermark(9L);
            assertEquals(List.of(new StreamRecord<>("side-a", 9L)), List.copyOf(h.getSideOutput(tag)));
        }
    }

    @Test
    void richReduceFunctionsAreRefusedWithTheAlternative() {
        var e = assertThrows(UnsupportedOperationException.class,
                () -> builder(TumblingEventTimeWindows.of(Duration.ofMillis(10))).reduce(
                        new io.weir.api.functions.RichReduceFunction<Tuple2<String, Integer>>() {
                            @Override
                            public Tuple2<String, Integer> reduce(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
                                return a;
                            }
                        }));
        assertTrue(e.getMessage().contains("ProcessWindowFunction"), e.getMessage());
    }

    @Test
    void processingTimeWindowsIgnoreAllowedLateness() throws Exception {
        var builder = builder(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)));
        builder.allowedLateness(Duration.ofMillis(1000));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 0L);
            h.setProcessingTime(99L);
            assertEquals(List.of("a[0,100)=1"), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    /** The example of docs/windows.md, "Testing windows", as written there. */
    @Test
    void documentationExample() throws Exception {
        var builder = new WindowOperatorBuilder<Tuple2<String, Integer>, String, TimeWindow>(
                TumblingEventTimeWindows.of(Duration.ofMillis(100)), EventTimeTrigger.create(),
                new ExecutionConfig(), Types.TUPLE(Types.STRING, Types.INT));
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                BuiltInOperators.window(builder.reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))),
                (Tuple2<String, Integer> t) -> t.f0, Types.STRING);
        harness.open();
        harness.processElement(Tuple2.of("a", 1), 10L);
        harness.processElement(Tuple2.of("a", 2), 20L);
        harness.processWatermark(99L);
        assertEquals(List.of(Tuple2.of("a", 3)), harness.extractOutputValues());
        harness.close();
    }

    /** Counts firings per window (window state) and elements over all windows (global state). */
    static final class Counting extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        private final ValueStateDescriptor<Integer> firings = new ValueStateDescriptor<>("firings", Types.INT);
        private final ValueStateDescriptor<Integer> total = new ValueStateDescriptor<>("total", Types.INT);

        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out)
                throws Exception {
            ValueState<Integer> f = ctx.windowState().getState(firings);
            f.update(f.value() == null ? 1 : f.value() + 1);
            ValueState<Integer> t = ctx.globalState().getState(total);
            int sum = t.value() == null ? 0 : t.value();
            for (Tuple2<String, Integer> e : elements) {
                sum += e.f1;
            }
            t.update(sum);
            out.collect(key + "[" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") firings="
                    + ctx.windowState().getState(firings).value() + " total=" + ctx.globalState().getState(total).value()
                    + " wm=" + ctx.currentWatermark());
        }

        @Override
        public void clear(Context ctx) {
            ctx.windowState().getState(firings).clear();
        }
    }

    static final class Average implements AggregateFunction<Tuple2<String, Integer>, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Tuple2<String, Integer> value, long[] acc) {
            acc[0] += value.f1;
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(long[] acc) {
            return (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }
}
