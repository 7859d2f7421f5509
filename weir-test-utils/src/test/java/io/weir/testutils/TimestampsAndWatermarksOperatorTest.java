package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.runtime.operators.TimestampsAndWatermarksOperator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** assignTimestampsAndWatermarks: timestamps per record, periodic watermarks on the manual clock, idleness. */
class TimestampsAndWatermarksOperatorTest {
    private static OneInputStreamOperatorTestHarness<Long, Long> harness(WatermarkStrategy<Long> strategy)
            throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(new TimestampsAndWatermarksOperator<>(strategy));
        harness.getExecutionConfig().setAutoWatermarkInterval(100);
        harness.open();
        return harness;
    }

    @Test
    void assignsTimestampsAndEmitsPeriodicWatermarksEveryInterval() throws Exception {
        try (var harness = harness(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(5))
                .withTimestampAssigner((value, ts) -> value))) {
            harness.processElement(new StreamRecord<>(20L));
            harness.processElement(new StreamRecord<>(12L, 999L));
            harness.setProcessingTime(99);
            assertEquals(List.of(new StreamRecord<>(20L, 20L), new StreamRecord<>(12L, 12L)),
                    List.copyOf(harness.getOutput()));
            harness.setProcessingTime(100);
            harness.processElement(new StreamRecord<>(30L));
            harness.setProcessingTime(200);
            harness.setProcessingTime(300);
            assertEquals(List.of(new StreamRecord<>(20L, 20L), new StreamRecord<>(12L, 12L), new Watermark(14L),
                    new StreamRecord<>(30L, 30L), new Watermark(24L)), List.copyOf(harness.getOutput()),
                    "the same watermark is not emitted twice");
        }
    }

    @Test
    void upstreamWatermarksAreReplacedButTheFinalOnePasses() throws Exception {
        try (var harness = harness(WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((value, ts) -> value))) {
            harness.processWatermark(50L);
            harness.processWatermarkStatus(WatermarkStatus.IDLE);
            harness.processElement(new StreamRecord<>(3L));
            harness.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of(new StreamRecord<>(3L, 3L), Watermark.MAX_WATERMARK), List.copyOf(harness.getOutput()));
        }
    }

    @Test
    void idleInputIsMarkedIdleAndActiveAgainWithTheNextRecord() throws Exception {
        try (var harness = harness(WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((value, ts) -> value).withIdleness(Duration.ofMillis(250)))) {
            harness.processElement(new StreamRecord<>(10L));
            harness.setProcessingTime(100); // watermark 9
            harness.setProcessingTime(200); // quiet since 200
            harness.setProcessingTime(400);
            harness.setProcessingTime(500); // 300 ms quiet: idle
            harness.processElement(new StreamRecord<>(40L));
            harness.setProcessingTime(600);
            assertEquals(List.of(new StreamRecord<>(10L, 10L), new Watermark(9L), WatermarkStatus.IDLE,
                    new StreamRecord<>(40L, 40L), WatermarkStatus.ACTIVE, new Watermark(39L)),
                    List.copyOf(harness.getOutput()));
        }
    }

    @Test
    void punctuatedGeneratorsEmitPerRecordWithoutAClock() throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(new TimestampsAndWatermarksOperator<Long>(
                WatermarkStrategy.<Long>forGenerator(ctx -> new io.weir.api.eventtime.WatermarkGenerator<>() {
                    @Override
                    public void onEvent(Long event, long ts, io.weir.api.eventtime.WatermarkOutput output) {
                        output.emitWatermark(new io.weir.api.eventtime.Watermark(ts));
                    }

                    @Override
                    public void onPeriodicEmit(io.weir.api.eventtime.WatermarkOutput output) {}
                }).withTimestampAssigner((v, ts) -> v)));
        harness.getExecutionConfig().setAutoWatermarkInterval(0);
        harness.open();
        harness.processElement(new StreamRecord<>(5L));
        harness.processElement(new StreamRecord<>(4L));
        assertEquals(List.of(new StreamRecord<>(5L, 5L), new Watermark(5L), new StreamRecord<>(4L, 4L)),
                List.copyOf(harness.getOutput()));
        assertEquals(0, harness.getProcessingTimeService().getNumActiveTimers());
        harness.close();
    }
}
