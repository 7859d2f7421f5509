package io.weir.testutils.windowing;

import static io.weir.testutils.windowing.WindowTestSupport.builder;
import static io.weir.testutils.windowing.WindowTestSupport.harness;
import static io.weir.testutils.windowing.WindowTestSupport.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window operator skips registering a cleanup timer that an earlier element of the key in the
 * same windows registered; these cases must register it again, or the window would never be
 * cleaned up (its state would stay, its timer-driven firing would not happen).
 */
class CleanupTimerRegistrationTest {

    @Test
    void slidingWindowsOfManyElementsPerKeyFireAndCleanUpEveryWindow() throws Exception {
        try (var h = harness(builder(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)))
                .reduce(new WindowTestSupport.Sum()))) {
            for (int t = 0; t < 10; t++) {
                h.processElement(pair("a", 1), t);
                h.processElement(pair("b", 10), t);
            }
            // every element of a key lands in the same three windows; each has one timer per key
            assertEquals(6, h.numEventTimeTimers());
            assertEquals(6, h.numKeyedStateEntries());
            h.processWatermark(9L);
            h.processElement(pair("a", 1), 10);
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of(pair("a", 10), pair("b", 100), pair("a", 11), pair("b", 100), pair("a", 11),
                    pair("b", 100), pair("a", 1)), h.extractOutputValues());
            assertEquals(0, h.numEventTimeTimers());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void aTriggerDeletingTheCleanupTimeTimerOfAKnownWindowGetsItRegisteredAgain() throws Exception {
        var windows = builder(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)));
        windows.trigger(new DeletesItsTimerOnValueTwo());
        try (var h = harness(windows.reduce(new WindowTestSupport.Sum()))) {
            h.processElement(pair("a", 1), 5);
            h.processElement(pair("a", 2), 6); // same windows: the trigger deletes each window's timer
            assertEquals(3, h.numEventTimeTimers(), "the cleanup timers are registered again");
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of(pair("a", 3), pair("a", 3), pair("a", 3)), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void aWindowReceivingElementsAfterItsCleanupTimerFiredGetsANewOne() throws Exception {
        var windows = builder(new OneFixedProcessingTimeWindow());
        windows.trigger(new ProcessingTimeTriggerKeepingNothing());
        try (var h = harness(windows.reduce(new WindowTestSupport.Sum()))) {
            h.setProcessingTime(10);
            h.processElement(pair("a", 1), 0);
            h.setProcessingTime(150); // the window [0, 100) fires and is cleaned up
            assertEquals(List.of(pair("a", 1)), h.extractOutputValues());
            h.processElement(pair("a", 2), 0); // the same window object again
            assertEquals(1, h.numProcessingTimeTimers(), "the fired cleanup timer is registered again");
            h.setProcessingTime(151);
            assertEquals(List.of(pair("a", 1), pair("a", 2)), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void anAssignerRefillingOneCollectionGetsTheTimersOfEachElementsWindows() throws Exception {
        try (var h = harness(builder(new RefillingTumblingWindows()).reduce(new WindowTestSupport.Sum()))) {
            h.processElement(pair("a", 1), 5);
            h.processElement(pair("a", 2), 15); // the same collection object, now holding [10, 20)
            assertEquals(2, h.numEventTimeTimers());
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of(pair("a", 1), pair("a", 2)), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    /** Event-time trigger that, for an element of value 2, deletes the window's timer and registers none. */
    private static final class DeletesItsTimerOnValueTwo extends Trigger<Object, TimeWindow> {
        @Override
        @SuppressWarnings("unchecked")
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            if (((Tuple2<String, Integer>) element).f1 == 2) {
                ctx.deleteEventTimeTimer(window.maxTimestamp());
            } else {
                ctx.registerEventTimeTimer(window.maxTimestamp());
            }
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }
    }

    /**
     * Fires at the window's end by the clock, like {@link ProcessingTimeTrigger}, and deletes nothing
     * when the window is cleared (its timer has fired), so only the firing tells the operator that a
     * timer went away.
     */
    private static final class ProcessingTimeTriggerKeepingNothing extends Trigger<Object, TimeWindow> {
        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            ctx.registerProcessingTimeTimer(window.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.FIRE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {}
    }

    /** Puts every element, whenever it comes, into the processing-time window [0, 100), one list for all. */
    private static final class OneFixedProcessingTimeWindow extends WindowAssigner<Object, TimeWindow> {
        private static final List<TimeWindow> ONLY = List.of(new TimeWindow(0, 100));

        @Override
        public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
            return ONLY;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Trigger<Object, TimeWindow> getDefaultTrigger() {
            return (Trigger) ProcessingTimeTrigger.create();
        }

        @Override
        public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
            return TimeWindow.Serializer.INSTANCE;
        }

        @Override
        public boolean isEventTime() {
            return false;
        }
    }

    /** Event-time tumbling windows of 10 ms, handed out in one collection refilled for every element. */
    private static final class RefillingTumblingWindows extends WindowAssigner<Object, TimeWindow> {
        private final ArrayList<TimeWindow> reused = new ArrayList<>();

        @Override
        public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
            reused.clear();
            long start = timestamp - Math.floorMod(timestamp, 10L);
            reused.add(new TimeWindow(start, start + 10));
            return reused;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Trigger<Object, TimeWindow> getDefaultTrigger() {
            return (Trigger) EventTimeTrigger.create();
        }

        @Override
        public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
            return TimeWindow.Serializer.INSTANCE;
        }

        @Override
        public boolean isEventTime() {
            return true;
        }
    }
}
