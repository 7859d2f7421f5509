package io.weir.testutils.windowing;

import static io.weir.testutils.windowing.WindowTestSupport.builder;
import static io.weir.testutils.windowing.WindowTestSupport.harness;
import static io.weir.testutils.windowing.WindowTestSupport.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.windowing.RichWindowFunction;
import io.weir.api.operators.Watermark;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rich window functions inside the window operator, and global windows that fire at the end of input. */
class RichWindowFunctionsTest {

    @Test
    void richWindowFunctionIsOpenedHasKeyedStateAndIsClosed() throws Exception {
        List<String> lifecycle = new ArrayList<>();
        CountingWindowFunction<TimeWindow> function = new CountingWindowFunction<>(lifecycle);
        var h = harness(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10))).apply(function));
        assertEquals(List.of("open"), lifecycle);
        h.processElement(pair("a", 1), 1L);
        h.processElement(pair("b", 2), 2L);
        h.processElement(pair("a", 3), 15L);
        h.processWatermark(100L);
        // The count in keyed state spans the windows of a key: "a" has two windows, "b" one.
        assertEquals(List.of("a#1[0,10)=1", "b#1[0,10)=2", "a#2[10,20)=3"), h.extractOutputValues());
        h.close();
        assertEquals(List.of("open", "close"), lifecycle);
    }

    @Test
    void endOfStreamTriggerFiresEachKeyOnceWhenTheInputEnds() throws Exception {
        List<String> lifecycle = new ArrayList<>();
        try (var h = harness(builder(GlobalWindows.createWithEndOfStreamTrigger())
                .apply(new CountingWindowFunction<GlobalWindow>(lifecycle)))) {
            h.processElement(pair("a", 1), 1L);
            h.processElement(pair("b", 2), 2L);
            h.processWatermark(1_000_000L);
            h.processElement(pair("a", 3), 5L);
            h.processWatermark(Long.MAX_VALUE - 1);
            assertTrue(h.extractOutputValues().isEmpty(), "nothing fires before the end of input");
            assertEquals(2, h.numEventTimeTimers(), "one end-of-stream timer per key");
            h.processWatermark(Watermark.MAX_WATERMARK.getTimestamp());
            assertEquals(List.of("a#1=1,3", "b#1=2"), h.extractOutputValues());
            assertEquals(0, h.numEventTimeTimers());
        }
    }

    @Test
    void defaultGlobalWindowsStillNeverFire() throws Exception {
        try (var h = harness(builder(GlobalWindows.create()).apply(new CountingWindowFunction<GlobalWindow>(
                new ArrayList<>())))) {
            h.processElement(pair("a", 1), 1L);
            h.processWatermark(Long.MAX_VALUE);
            assertTrue(h.extractOutputValues().isEmpty());
            assertEquals(0, h.numEventTimeTimers());
        }
    }

    /** "key#n[start,end)=values" where n counts the key's firings in keyed state; records open and close. */
    static final class CountingWindowFunction<W extends Window>
            extends RichWindowFunction<Tuple2<String, Integer>, String, String, W> {
        private final List<String> lifecycle;
        private transient ValueState<Integer> firings;

        CountingWindowFunction(List<String> lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Override
        public void open(OpenContext openContext) {
            lifecycle.add("open");
            firings = getRuntimeContext().getState(new ValueStateDescriptor<>("firings", Types.INT));
        }

        @Override
        public void apply(String key, W window, Iterable<Tuple2<String, Integer>> input, Collector<String> out)
                throws Exception {
            int n = firings.value() == null ? 1 : firings.value() + 1;
            firings.update(n);
            StringBuilder sb = new StringBuilder(key).append('#').append(n);
            if (window instanceof TimeWindow w) {
                sb.append('[').append(w.getStart()).append(',').append(w.getEnd()).append(')');
            }
            sb.append('=');
            String sep = "";
            for (Tuple2<String, Integer> e : input) {
                sb.append(sep).append(e.f1);
                sep = ",";
            }
            out.collect(sb.toString());
        }

        @Override
        public void close() {
            lifecycle.add("close");
        }
    }
}
