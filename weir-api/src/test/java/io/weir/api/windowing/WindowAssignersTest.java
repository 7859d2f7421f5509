package io.weir.api.windowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignersTest {
    private static final WindowAssigner.WindowAssignerContext CLOCK_AT_1234 = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 1234;
        }
    };

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void tumblingEventTimeWindows() {
        var assigner = TumblingEventTimeWindows.of(ms(100), ms(10));
        assertEquals(List.of(new TimeWindow(10, 110)), List.copyOf(assigner.assignWindows("x", 10, CLOCK_AT_1234)));
        assertEquals(List.of(new TimeWindow(-90, 10)), List.copyOf(assigner.assignWindows("x", 9, CLOCK_AT_1234)));
        assertTrue(assigner.isEventTime());
        assertTrue((Object) assigner.getDefaultTrigger() instanceof EventTimeTrigger);
        assertEquals(TimeWindow.Serializer.INSTANCE, assigner.getWindowSerializer(null));
    }

    @Test
    void processingTimeAssignersUseTheClockNotTheTimestamp() {
        assertEquals(List.of(new TimeWindow(1200, 1300)),
                List.copyOf(TumblingProcessingTimeWindows.of(ms(100)).assignWindows("x", 5, CLOCK_AT_1234)));
        assertEquals(List.of(new TimeWindow(1200, 1400), new TimeWindow(1100, 1300)),
                List.copyOf(SlidingProcessingTimeWindows.of(ms(200), ms(100)).assignWindows("x", 5, CLOCK_AT_1234)));
        assertEquals(List.of(new TimeWindow(1234, 1244)),
                List.copyOf(ProcessingTimeSessionWindows.withGap(ms(10)).assignWindows("x", 5, CLOCK_AT_1234)));
        assertFalse(TumblingProcessingTimeWindows.of(ms(100)).isEventTime());
        assertTrue((Object) TumblingProcessingTimeWindows.of(ms(100)).getDefaultTrigger() instanceof ProcessingTimeTrigger);
    }

    @Test
    void slidingWindowsWhereSlideDoesNotDivideSize() {
        var windows = SlidingEventTimeWindows.of(ms(25), ms(10)).assignWindows("x", 12, CLOCK_AT_1234);
        assertEquals(List.of(new TimeWindow(10, 35), new TimeWindow(0, 25), new TimeWindow(-10, 15)), List.copyOf(windows));
    }

    /** The windows by definition: every start {@code offset + k * slide} whose window holds {@code t}. */
    private static List<TimeWindow> slidingWindowsOf(long t, long size, long slide, long offset) {
        List<TimeWindow> windows = new java.util.ArrayList<>();
        for (long start = Math.floorDiv(t - offset, slide) * slide + offset; start > t - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    @Test
    void slidingWindowsHandedOutAgainAreStillTheWindowsOfEachElement() {
        // sizes that slides divide and do not, sizes below the slide (gaps), offsets, negative times,
        // times going forward, back and jumping: every answer equals the windows by definition
        long[][] shapes = {{30, 10, 0}, {25, 10, 0}, {25, 10, 3}, {7, 10, 2}, {100, 1, 0}, {10, 10, 0}};
        java.util.Random random = new java.util.Random(42);
        for (long[] shape : shapes) {
            var assigner = SlidingEventTimeWindows.of(ms(shape[0]), ms(shape[1]), ms(shape[2]));
            for (long t = -60; t < 60; t++) {
                assertEquals(slidingWindowsOf(t, shape[0], shape[1], shape[2]),
                        List.copyOf(assigner.assignWindows("x", t, CLOCK_AT_1234)), "t=" + t + " " + assigner);
            }
            for (int i = 0; i < 2_000; i++) {
                long t = random.nextInt(400) - 200;
                assertEquals(slidingWindowsOf(t, shape[0], shape[1], shape[2]),
                        List.copyOf(assigner.assignWindows("x", t, CLOCK_AT_1234)), "t=" + t + " " + assigner);
            }
        }
    }

    @Test
    void consecutiveElementsInTheSameWindowsGetTheSameUnmodifiableList() {
        var sliding = SlidingEventTimeWindows.of(ms(30), ms(10));
        var first = sliding.assignWindows("x", 11, CLOCK_AT_1234);
        assertTrue(first == sliding.assignWindows("y", 19, CLOCK_AT_1234), "same windows, same list");
        assertFalse(first == sliding.assignWindows("x", 20, CLOCK_AT_1234), "next slide, new list");
        assertThrows(UnsupportedOperationException.class, () -> first.add(new TimeWindow(0, 1)));
        var tumbling = TumblingEventTimeWindows.of(ms(100));
        var window = tumbling.assignWindows("x", 0, CLOCK_AT_1234);
        assertTrue(window == tumbling.assignWindows("x", 99, CLOCK_AT_1234));
        assertEquals(List.of(new TimeWindow(100, 200)), List.copyOf(tumbling.assignWindows("x", 100, CLOCK_AT_1234)));
        assertEquals(List.of(new TimeWindow(0, 100)), List.copyOf(tumbling.assignWindows("x", 50, CLOCK_AT_1234)));
        assertThrows(UnsupportedOperationException.class, () -> window.clear());
    }

    @Test
    void sessionsAndDynamicGaps() {
        assertEquals(List.of(new TimeWindow(7, 17)),
                List.copyOf(EventTimeSessionWindows.withGap(ms(10)).assignWindows("x", 7, CLOCK_AT_1234)));
        DynamicEventTimeSessionWindows<String> dynamic = EventTimeSessionWindows.withDynamicGap(String::length);
        assertEquals(List.of(new TimeWindow(7, 10)), List.copyOf(dynamic.assignWindows("abc", 7, CLOCK_AT_1234)));
    }

    @Test
    void globalWindows() {
        assertEquals(List.of(GlobalWindow.get()), List.copyOf(GlobalWindows.create().assignWindows("x", 1, CLOCK_AT_1234)));
    }

    @Test
    void badSizesAndOffsetsAreRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(ms(10), ms(10)));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(ms(0)));
        assertThrows(IllegalArgumentException.class, () -> SlidingEventTimeWindows.of(ms(10), ms(5), ms(-5)));
        assertThrows(IllegalArgumentException.class, () -> EventTimeSessionWindows.withGap(ms(-1)));
    }

    @Test
    void eventTimeAssignerRefusesARecordWithoutTimestamp() {
        var e = assertThrows(IllegalStateException.class,
                () -> SlidingEventTimeWindows.of(ms(10), ms(5)).assignWindows("x", Long.MIN_VALUE, CLOCK_AT_1234));
        assertTrue(e.getMessage().contains("without timestamp"), e.getMessage());
    }
}
