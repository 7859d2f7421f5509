package io.weir.api.eventtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkGeneratorsTest {
    /** Records what a generator emits. */
    static final class RecordingOutput implements WatermarkOutput {
        final List<String> events = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            events.add(String.valueOf(watermark.getTimestamp()));
        }

        @Override
        public void markIdle() {
            events.add("idle");
        }

        @Override
        public void markActive() {
            events.add("active");
        }
    }

    private final RecordingOutput out = new RecordingOutput();
    private long clock;
    private final WatermarkGeneratorSupplier.Context context = () -> () -> clock;

    @Test
    void boundedOutOfOrdernessTrailsTheHighestTimestampByTheBoundPlusOne() {
        WatermarkGenerator<String> gen = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(10))
                .createWatermarkGenerator(context);
        gen.onPeriodicEmit(out);
        gen.onEvent("a", 100, out);
        gen.onEvent("b", 90, out);
        gen.onPeriodicEmit(out);
        gen.onEvent("c", 120, out);
        gen.onEvent("d", 95, out);
        gen.onPeriodicEmit(out);
        assertEquals(List.of(String.valueOf(Long.MIN_VALUE), "89", "109"), out.events,
                "no underflow before the first event; out-of-order events do not move it back");
    }

    @Test
    void monotonousTimestampsTrailByOne() {
        WatermarkGenerator<String> gen = WatermarkStrategy.<String>forMonotonousTimestamps()
                .createWatermarkGenerator(context);
        gen.onEvent("a", 5, out);
        gen.onEvent("b", 7, out);
        assertEquals(List.of(), out.events, "periodic: nothing per event");
        gen.onPeriodicEmit(out);
        assertEquals(List.of("6"), out.events);
    }

    @Test
    void negativeOutOfOrdernessIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-1)));
    }

    @Test
    void idlenessMarksIdleAfterTheTimeoutWithoutEventsAndActiveOnTheNextEvent() {
        WatermarkGenerator<String> gen = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withIdleness(Duration.ofMillis(100)).createWatermarkGenerator(context);
        gen.onEvent("a", 10, out);
        gen.onPeriodicEmit(out);
        clock = 50;
        gen.onPeriodicEmit(out); // quiet since 50
        clock = 149;
        gen.onPeriodicEmit(out);
        assertFalse(out.events.contains("idle"), "99 ms without events is not idle yet: " + out.events);
        clock = 150;
        gen.onPeriodicEmit(out);
        clock = 400;
        gen.onPeriodicEmit(out);
        gen.onEvent("b", 20, out);
        gen.onPeriodicEmit(out);
        assertEquals(List.of("9", "9", "9", "idle", "active", "19"), out.events);
    }

    @Test
    void anInputWithoutAnyEventBecomesIdle() {
        WatermarkGenerator<String> gen = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(5))
                .withIdleness(Duration.ofMillis(10)).createWatermarkGenerator(context);
        gen.onPeriodicEmit(out);
        clock = 10;
        gen.onPeriodicEmit(out);
        assertEquals(List.of(String.valueOf(Long.MIN_VALUE), "idle"), out.events);
    }

    @Test
    void timestampAssignerReplacesTheRecordTimestampAndKeepsTheGenerator() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((s, ts) -> Long.parseLong(s));
        assertEquals(42L, strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {})
                .extractTimestamp("42", 7L));
        assertTrue(strategy.createWatermarkGenerator(context) instanceof AscendingTimestampsWatermarks);
        assertEquals(7L, WatermarkStrategy.<String>forMonotonousTimestamps()
                .createTimestampAssigner(new TimestampAssignerSupplier.Context() {}).extractTimestamp("42", 7L),
                "by default records keep their timestamp");
    }

    @Test
    void customGeneratorAndNoWatermarks() {
        WatermarkStrategy<Long> punctuated = WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
                if (event % 10 == 0) {
                    output.emitWatermark(new Watermark(eventTimestamp));
                }
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        });
        WatermarkGenerator<Long> gen = punctuated.createWatermarkGenerator(context);
        for (long i = 1; i <= 20; i++) {
            gen.onEvent(i, i * 100, out);
        }
        assertEquals(List.of("1000", "2000"), out.events);
        assertTrue(punctuated.generatesWatermarks());
        assertFalse(WatermarkStrategy.noWatermarks().generatesWatermarks());
        assertFalse(WatermarkStrategy.<String>noWatermarks().withTimestampAssigner((s, t) -> 1L).generatesWatermarks());
    }
}
