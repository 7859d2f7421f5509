package io.weir.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkOutputMultiplexerTest {
    private final List<String> out = new ArrayList<>();
    private final WatermarkOutputMultiplexer multiplexer = new WatermarkOutputMultiplexer(new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            out.add(String.valueOf(watermark.getTimestamp()));
        }

        @Override
        public void markIdle() {
            out.add("idle");
        }

        @Override
        public void markActive() {
            out.add("active");
        }
    });

    @Test
    void combinedWatermarkIsTheMinimumOverSplitsThatAreNotIdle() {
        WatermarkOutput a = multiplexer.register("a");
        WatermarkOutput b = multiplexer.register("b");
        a.emitWatermark(new Watermark(10));
        b.emitWatermark(new Watermark(5));
        a.emitWatermark(new Watermark(20));
        b.markIdle();
        a.emitWatermark(new Watermark(30));
        a.markIdle();
        assertEquals(List.of("active", "5", "5", "20", "30", "30", "idle"), out);
    }

    @Test
    void splitsGoingIdleTogetherStillPassOnTheProgressTheyMade() {
        WatermarkOutput data = multiplexer.register("data");
        WatermarkOutput silent = multiplexer.register("silent");
        data.emitWatermark(new Watermark(498));
        multiplexer.startDeferring();
        data.markIdle();
        silent.markIdle();
        multiplexer.endDeferring();
        assertEquals(List.of("active", "498", "idle"), out);
    }

    @Test
    void releasedSplitsNoLongerHoldTheWatermarkBack() {
        WatermarkOutput a = multiplexer.register("a");
        WatermarkOutput b = multiplexer.register("b");
        a.emitWatermark(new Watermark(100));
        b.emitWatermark(new Watermark(1));
        multiplexer.unregister("b");
        assertEquals(List.of("active", "1", "100"), out);
    }

    @Test
    void deferredUpdatesCombineOnce() {
        WatermarkOutput a = multiplexer.register("a");
        WatermarkOutput b = multiplexer.register("b");
        multiplexer.startDeferring();
        a.emitWatermark(new Watermark(7));
        b.emitWatermark(new Watermark(9));
        multiplexer.endDeferring();
        assertEquals(List.of("7"), out);
    }
}
