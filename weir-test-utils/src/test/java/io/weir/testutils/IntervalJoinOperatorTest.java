package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.operators.StreamRecord;
import io.weir.api.types.Types;
import io.weir.runtime.operators.join.IntervalJoinOperator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval join operator in event time: bounds, result timestamps, cleanup by timers, late data. */
class IntervalJoinOperatorTest {
    static final OutputTag<String> LATE_LEFT = new OutputTag<>("late-left") {};
    static final OutputTag<String> LATE_RIGHT = new OutputTag<>("late-right") {};

    static final class Pair extends ProcessJoinFunction<String, String, String> {
        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "|" + right + "@" + ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp());
        }
    }

    /** Keys are the first letter of each element. */
    private static KeyedTwoInputStreamOperatorTestHarness<String, String, String, String> harness(long lower,
            long upper, boolean lowerInclusive, boolean upperInclusive) throws Exception {
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new IntervalJoinOperator<String, String, String, String>(lower, upper, lowerInclusive, upperInclusive,
                        LATE_LEFT, LATE_RIGHT, Types.STRING, Types.STRING, new Pair()),
                s -> s.substring(0, 1), s -> s.substring(0, 1), Types.STRING);
        harness.open();
        return harness;
    }

    @Test
    void joinsPairsWithinInclusiveBoundsWhicheverSideComesFirst() throws Exception {
        try (var harness = harness(-2, 3, true, true)) {
            harness.processElement2("a-r7", 7L);   // left 10 - 3: joins left at 10
            harness.processElement2("a-r13", 13L); // left 10 + 3: joins
            harness.processElement2("a-r14", 14L); // too late for left 10
            harness.processElement1("a-l10", 10L);
            harness.processElement1("b-l10", 10L); // other key
            harness.processElement2("a-r8", 8L);   // left 10 - 2: joins
            harness.processElement2("b-r11", 11L);
            assertEquals(List.of(
                    new StreamRecord<>("a-l10|a-r13@10/13", 13L),
                    new StreamRecord<>("a-l10|a-r8@10/8", 10L),
                    new StreamRecord<>("b-l10|b-r11@10/11", 11L)),
                    sortedByValue(harness.extractOutputStreamRecords()).subList(0, 3));
            assertEquals(3, harness.extractOutputValues().size());
        }
    }

    @Test
    void exclusiveBoundsLeaveOutTheEnds() throws Exception {
        try (var harness = harness(-2, 3, false, false)) {
            harness.processElement1("a-l10", 10L);
            for (long t = 7; t <= 14; t++) {
                harness.processElement2("a-r" + t, t);
            }
            assertEquals(List.of("a-l10|a-r9@10/9", "a-l10|a-r10@10/10", "a-l10|a-r11@10/11", "a-l10|a-r12@10/12"),
                    harness.extractOutputValues());
        }
    }

    @Test
    void watermarkPastTheIntervalClearsBothBuffers() throws Exception {
        try (var harness = harness(-5, 5, true, true)) {
            harness.processElement1("a-l10", 10L);
            harness.processElement2("a-r12", 12L);
            harness.processElement1("b-l20", 20L);
            assertEquals(3, harness.numEventTimeTimers());
            assertEquals(3, harness.numKeyedStateEntries());

            harness.processWatermark1(100L);
            assertEquals(3, harness.numEventTimeTimers(), "the right input still holds the watermark back");
            harness.processWatermark2(16L);
            // left 10 is kept until 15, right 12 until 17, left 20 until 25
            assertEquals(2, harness.numEventTimeTimers());
            harness.processElement2("a-r15", 15L);
            assertEquals(List.of("a-l10|a-r12@10/12"), harness.extractOutputValues(),
                    "left 10 is gone, though its window reaches 15: only elements behind the watermark are late");
            harness.processWatermark2(100L);
            assertEquals(0, harness.numEventTimeTimers());
            assertEquals(0, harness.numKeyedStateEntries());
        }
    }

    @Test
    void lateElementsGoToTheirSidesOutput() throws Exception {
        try (var harness = harness(0, 10, true, true)) {
            harness.processBothWatermarks(new io.weir.api.operators.Watermark(50L));
            harness.processElement1("a-l49", 49L);
            harness.processElement2("a-r40", 40L);
            harness.processElement1("a-l50", 50L);
            assertEquals(List.of(new StreamRecord<>("a-l49", 49L)), List.copyOf(harness.getSideOutput(LATE_LEFT)));
            assertEquals(List.of(new StreamRecord<>("a-r40", 40L)), List.copyOf(harness.getSideOutput(LATE_RIGHT)));
            assertEquals(1, harness.numKeyedStateEntries(), "only the element at the watermark is kept");
        }
    }

    @Test
    void elementsWithoutTimestampAreAClearError() throws Exception {
        try (var harness = harness(0, 10, true, true)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> harness.processElement1(new StreamRecord<>("a")));
            assertTrue(e.getMessage().contains("no timestamp"), e.getMessage());
        }
    }

    @Test
    void boundsThatContainNoTimeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IntervalJoinOperator<>(
                5L, 5L, false, true, null, null, Types.STRING, Types.STRING, new Pair()));
        assertTrue(e.getMessage().contains("lower bound"), e.getMessage());
    }

    private static List<StreamRecord<String>> sortedByValue(List<StreamRecord<String>> records) {
        return records.stream().sorted((a, b) -> a.getValue().compareTo(b.getValue())).toList();
    }
}
