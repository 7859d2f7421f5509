package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkValveTest {
    private final List<String> out = new ArrayList<>();
    private final WatermarkValve.ValveOutput recorder = new WatermarkValve.ValveOutput() {
        @Override
        public void emitWatermark(long watermark) {
            out.add("wm" + watermark);
        }

        @Override
        public void emitWatermarkStatus(boolean idle) {
            out.add(idle ? "IDLE" : "ACTIVE");
        }
    };

    private WatermarkValve valve(int channels) {
        boolean[] connected = new boolean[channels];
        java.util.Arrays.fill(connected, true);
        return new WatermarkValve(connected, recorder);
    }

    @Test
    void watermarkIsTheMinimumOverChannelsAndOnlyAdvances() throws Exception {
        WatermarkValve valve = valve(3);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 5);
        assertEquals(List.of(), out, "channel 2 has no watermark yet");
        valve.onWatermark(2, 7);
        valve.onWatermark(1, 8);
        valve.onWatermark(1, 3);
        valve.onWatermark(2, 20);
        assertEquals(List.of("wm5", "wm7", "wm8"), out);
        valve.onWatermark(1, 25);
        assertEquals(List.of("wm5", "wm7", "wm8", "wm10"), out);
    }

    @Test
    void endedAndUnconnectedChannelsDoNotHoldTheWatermarkBack() throws Exception {
        WatermarkValve valve = new WatermarkValve(new boolean[] {true, false, true}, recorder);
        valve.onWatermark(0, 10);
        valve.onWatermark(2, 4);
        valve.onChannelEnded(2);
        assertEquals(List.of("wm4", "wm10"), out);
    }

    @Test
    void idleChannelsAreSkippedAndRejoinOnlyOnceCaughtUp() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);
        valve.onWatermarkStatus(1, true);
        assertEquals(List.of("wm10"), out);
        valve.onWatermark(0, 15);
        valve.onWatermark(1, 12);
        valve.onWatermarkStatus(1, false);
        valve.onWatermark(1, 12);
        valve.onWatermark(0, 30);
        assertEquals(List.of("wm10", "wm15", "wm30"), out,
                "channel 1 at 12 is behind the task's 15: not aligned, so it does not pull the watermark back");
        valve.onWatermark(1, 20);
        valve.onWatermark(0, 40);
        assertEquals(List.of("wm10", "wm15", "wm30", "wm40"), out, "not aligned until it reaches 30");
        valve.onWatermark(1, 35);
        valve.onWatermark(0, 50);
        assertEquals(List.of("wm10", "wm15", "wm30", "wm40", "wm50"), out.subList(0, 5));
    }

    @Test
    void alignedChannelBehindTheOthersHoldsTheWatermark() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermarkStatus(1, true);
        valve.onWatermark(0, 10);
        valve.onWatermarkStatus(1, false);
        valve.onWatermark(1, 10);
        valve.onWatermark(0, 50);
        valve.onWatermark(1, 20);
        assertEquals(List.of("wm10", "wm20"), out);
    }

    @Test
    void theFinalWatermarkOfAnIdleChannelStillCounts() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, Long.MAX_VALUE);
        valve.onWatermarkStatus(1, true);
        valve.onWatermark(1, Long.MAX_VALUE);
        assertEquals(List.of("wm" + Long.MAX_VALUE), out);
    }

    @Test
    void allChannelsIdleMakesTheTaskIdleAfterTheHighestWatermark() throws Exception {
        WatermarkValve valve = valve(2);
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 30);
        valve.onWatermarkStatus(0, true);
        valve.onWatermarkStatus(1, true);
        valve.onWatermarkStatus(0, false);
        assertEquals(List.of("wm10", "wm30", "IDLE", "ACTIVE"), out);
    }
}
