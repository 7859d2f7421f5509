package io.weir.testutils.windowing;

import static io.weir.testutils.windowing.WindowTestSupport.builder;
import static io.weir.testutils.windowing.WindowTestSupport.harness;
import static io.weir.testutils.windowing.WindowTestSupport.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.evictors.DeltaEvictor;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Global windows with count triggers (count windows), and evictors. */
class CountWindowsAndEvictorsTest {

    @Test
    void globalWindowsWithTheDefaultTriggerNeverFire() throws Exception {
        try (var h = harness(builder(GlobalWindows.create()).process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 1L);
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of(), h.extractOutputValues());
        }
    }

    @Test
    void tumblingCountWindowFiresAndEmptiesEveryNElementsPerKey() throws Exception {
        var builder = builder(GlobalWindows.create());
        builder.trigger(PurgingTrigger.of(CountTrigger.of(3)));
        try (var h = harness(builder.reduce(new WindowTestSupport.Sum()))) {
            for (int i = 1; i <= 7; i++) {
                h.processElement(pair("a", i), i);
                h.processElement(pair("b", 10 * i), i);
            }
            assertEquals(List.of(6, 60, 15, 150), h.extractOutputValues().stream().map(p -> p.f1).toList());
            // Results of global windows carry the global window's end.
            assertEquals(Long.MAX_VALUE, h.extractOutputStreamRecords().get(0).getTimestamp());
        }
    }

    @Test
    void slidingCountWindowFiresEverySlideOnTheLastSizeElements() throws Exception {
        var builder = builder(GlobalWindows.create());
        builder.evictor(CountEvictor.of(3));
        builder.trigger(CountTrigger.of(2));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            for (int i = 1; i <= 6; i++) {
                h.processElement(pair("a", i), i);
            }
            assertEquals(List.of("a=1,2", "a=2,3,4", "a=4,5,6"), h.extractOutputValues());
        }
    }

    @Test
    void countEvictorAfterTheFunctionKeepsTheLastElementsForTheNextFiring() throws Exception {
        var builder = builder(GlobalWindows.create());
        builder.evictor(CountEvictor.of(1, true));
        builder.trigger(CountTrigger.of(2));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            for (int i = 1; i <= 5; i++) {
                h.processElement(pair("a", i), i);
            }
            assertEquals(List.of("a=1,2", "a=2,3,4"), h.extractOutputValues());
        }
    }

    @Test
    void timeEvictorKeepsOnlyTheLastStretchOfEventTime() throws Exception {
        var builder = builder(TumblingEventTimeWindows.of(Duration.ofMillis(100)));
        builder.evictor(TimeEvictor.of(Duration.ofMillis(20)));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            h.processElement(pair("a", 1), 10L);
            h.processElement(pair("a", 2), 75L);
            h.processElement(pair("a", 3), 90L);
            h.processElement(pair("a", 4), 70L);
            h.processWatermark(99L);
            assertEquals(List.of("a[0,100)=2,3"), h.extractOutputValues());
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    @Test
    void deltaEvictorDropsElementsTooFarFromTheNewest() throws Exception {
        var builder = builder(GlobalWindows.create());
        builder.evictor(DeltaEvictor.<Tuple2<String, Integer>, GlobalWindow>of(5.0, (a, b) -> Math.abs(a.f1 - b.f1)));
        builder.trigger(CountTrigger.of(4));
        try (var h = harness(builder.process(new WindowTestSupport.Describe<>()))) {
            for (int value : new int[] {1, 9, 6, 10}) {
                h.processElement(pair("a", value), 0L);
            }
            assertEquals(List.of("a=9,6,10"), h.extractOutputValues());
        }
    }

    @Test
    void reduceWithAnEvictorReducesWhatIsLeftAtEachFiring() throws Exception {
        var builder = builder(GlobalWindows.create());
        builder.evictor(CountEvictor.of(2));
        builder.trigger(CountTrigger.of(2));
        try (var h = harness(builder.reduce(new WindowTestSupport.Sum(), new WindowTestSupport.Describe<>()))) {
            for (int i = 1; i <= 4; i++) {
                h.processElement(pair("a", i), i);
            }
            assertEquals(List.of("a=3", "a=7"), h.extractOutputValues());
        }
    }

    @Test
    void aggregateWithAnEvictor() throws Exception {
        var builder = builder(GlobalWindows.create());
        builder.evictor(CountEvictor.of(2));
        builder.trigger(CountTrigger.of(3));
        try (var h = harness(builder.aggregate(new WindowOperatorTest.Average(),
                io.weir.api.types.Types.GENERIC(long[].class)))) {
            for (int i = 1; i <= 3; i++) {
                h.processElement(pair("a", i), i);
            }
            assertEquals(List.of(2.5), h.extractOutputValues());
        }
    }
}
