package io.weir.testutils.windowing;

import static io.weir.testutils.windowing.WindowTestSupport.builder;
import static io.weir.testutils.windowing.WindowTestSupport.harness;
import static io.weir.testutils.windowing.WindowTestSupport.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session windows: merging on arrival, trigger state and timers across merges, lateness. */
class SessionWindowsTest {

    @Test
    void perWindowStateIsRejectedBecauseMergedSessionsWouldLoseIt() throws Exception {
        var firings = new ValueStateDescriptor<>("firings", Types.INT);
        try (var h = harness(builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).process(
                new ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                            Collector<String> out) throws Exception {
                        ValueState<Integer> state = context.windowState().getState(firings);
                        out.collect(key + ":" + state.value());
                    }
                }))) {
            h.processElement(pair("a", 1), 0L);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> h.processWatermark(100L));
            assertTrue(e.getMessage().startsWith("Per-window state is not allowed when using merging windows"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("'firings'") && e.getMessage().contains("globalState()"),
                    e.getMessage());
        }
    }

    @Test
    void globalStateStaysAvailableToSessionWindowFunctions() throws Exception {
        var total = new ValueStateDescriptor<>("total", Types.INT);
        try (var h = harness(builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).process(
                new ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                            Collector<String> out) throws Exception {
                        ValueState<Integer> state = context.globalState().getState(total);
                        int sum = state.value() == null ? 0 : state.value();
                        for (Tuple2<String, Integer> e : elements) {
                            sum += e.f1;
                        }
                        state.update(sum);
                        out.collect(key + ":" + sum);
                    }
                }))) {
            h.processElement(pair("a", 1), 0L);
            h.processElement(pair("a", 2), 5L);
            h.processWatermark(20L);
            h.processElement(pair("a", 4), 40L);
            h.processWatermark(100L);
            assertEquals(List.of("a:3", "a:7"), h.extractOutputValues());
        }
    }

    @Test
    void elementsWithinTheGapFormOneSessionAndTheSessionFiresAfterTheGap() throws Exception {
        try (var h = harness(builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 0L);
            h.processElement(pair("a", 2), 5L);
            h.processElement(pair("b", 3), 5L);
            h.processElement(pair("a", 3), 30L);
            h.processWatermark(14L);
            assertEquals(List.of("a[0,15)=1,2", "b[5,15)=3"), h.extractOutputValues());
            assertEquals(new StreamRecord<>("a[0,15)=1,2", 14L), h.extractOutputStreamRecords().get(0));
            h.processWatermark(100L);
            assertEquals(List.of("a[0,15)=1,2", "b[5,15)=3", "a[30,40)=3"), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
            assertEquals(0, h.numEventTimeTimers());
        }
    }

    @Test
    void anElementBetweenTwoSessionsMergesThemIntoOne() throws Exception {
        try (var h = harness(builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .reduce(new WindowTestSupport.Sum(), new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 0L);
            h.processElement(pair("a", 2), 20L);
            assertEquals(2, h.numEventTimeTimers());
            h.processElement(pair("a", 4), 10L);
            // [0,10) and [20,30) are joined by [10,20), which touches both: one session [0,30) with one timer.
            assertEquals(1, h.numEventTimeTimers());
            h.processWatermark(29L);
            assertEquals(List.of("a[0,30)=7"), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void anElementInsideASessionDoesNotChangeIt() throws Exception {
        try (var h = harness(builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 0L);
            h.processElement(pair("a", 2), 8L);
            h.processElement(pair("a", 3), 15L);
            h.processElement(pair("a", 4), 3L);
            h.processWatermark(100L);
            assertEquals(List.of("a[0,25)=1,2,3,4"), h.extractOutputValues());
        }
    }

    @Test
    void triggerStateIsMergedWhenSessionsMerge() throws Exception {
        var builder = builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
        builder.trigger(CountTrigger.of(4));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 0L);
            h.processElement(pair("a", 2), 20L);
            h.processElement(pair("a", 3), 10L);
            assertEquals(List.of(), h.extractOutputValues());
            // The counts 1 + 1 + 1 were merged, so the fourth element of the session fires it.
            h.processElement(pair("a", 4), 25L);
            assertEquals(List.of("a[0,35)=1,2,3,4"), h.extractOutputValues());
        }
    }

    @Test
    void continuousTriggerKeepsTheEarliestPeriodicTimerAcrossMerges() throws Exception {
        var builder = builder(EventTimeSessionWindows.withGap(Duration.ofMillis(100)));
        builder.trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(50)));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 10L);
            h.processElement(pair("a", 2), 60L);
            h.processWatermark(50L);
            assertEquals(List.of("a[10,160)=1,2"), h.extractOutputValues());
        }
    }

    @Test
    void dynamicGapComesFromTheElement() throws Exception {
        try (var h = harness(builder(EventTimeSessionWindows.<Tuple2<String, Integer>>withDynamicGap(p -> p.f1))
                .process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 5), 0L);
            h.processElement(pair("a", 50), 10L);
            h.processElement(pair("a", 1), 100L);
            h.processWatermark(1000L);
            assertEquals(List.of("a[0,5)=5", "a[10,60)=50", "a[100,101)=1"), h.extractOutputValues());
        }
    }

    @Test
    void dynamicGapMustBePositive() throws Exception {
        try (var h = harness(builder(EventTimeSessionWindows.<Tuple2<String, Integer>>withDynamicGap(p -> p.f1))
                .process(new WindowTestSupport.Describe<>()))) {
            var e = assertThrows(IllegalArgumentException.class, () -> h.processElement(pair("a", 0), 0L));
            assertTrue(e.getMessage().contains("gap must be positive"), e.getMessage());
        }
    }

    @Test
    void lateElementWithinLatenessExtendsAFiredSessionAndFiresItAgain() throws Exception {
        var builder = builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
        builder.allowedLateness(Duration.ofMillis(100));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 0L);
            h.processWatermark(20L);
            assertEquals(List.of("a[0,10)=1"), h.extractOutputValues());
            h.processElement(pair("a", 2), 5L);
            assertEquals(List.of("a[0,10)=1", "a[0,15)=1,2"), h.extractOutputValues());
            h.processWatermark(200L);
            assertEquals(0, h.numKeyedStateEntries());
            assertEquals(0, h.numEventTimeTimers());
        }
    }

    @Test
    void processingTimeSessionsCloseAfterTheGapOfTheClock() throws Exception {
        try (var h = harness(builder(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .process(new WindowTestSupport.Describe<>()))) {
            h.setProcessingTime(0L);
            h.processElement(pair("a", 1), 999L);
            h.setProcessingTime(8L);
            h.processElement(pair("a", 2), 999L);
            h.setProcessingTime(16L);
            assertEquals(List.of(), h.extractOutputValues());
            h.setProcessingTime(17L);
            assertEquals(List.of("a[0,18)=1,2"), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void dynamicProcessingTimeSessions() throws Exception {
        try (var h = harness(builder(ProcessingTimeSessionWindows.<Tuple2<String, Integer>>withDynamicGap(p -> p.f1))
                .process(new WindowTestSupport.Describe<>()))) {
            h.setProcessingTime(0L);
            h.processElement(pair("a", 20), 0L);
            h.setProcessingTime(10L);
            h.processElement(pair("a", 5), 0L);
            h.setProcessingTime(19L);
            assertEquals(List.of("a[0,20)=20,5"), h.extractOutputValues());
        }
    }

    @Test
    void aTriggerThatCannotMergeIsRefusedForSessions() {
        var builder = builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
        builder.trigger(new Trigger<Object, TimeWindow>() {
            @Override
            public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public void clear(TimeWindow window, TriggerContext ctx) {}
        });
        var e = assertThrows(IllegalArgumentException.class, () -> builder.process(new WindowTestSupport.Describe<>()));
        assertTrue(e.getMessage().contains("canMerge"), e.getMessage());
    }
}
