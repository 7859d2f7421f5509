package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CountSlot;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.window.ProcTimeWindowAggregateFunction;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The processing-time legacy window ({@code GROUP BY k, TUMBLE(pt, INTERVAL '10' SECOND)} where
 * {@code pt} is {@code PROCTIME()}) on the operator harness, whose clock the test sets: a row goes into
 * the window of the operator's clock when it arrives, whatever window the projection before the
 * exchange computed; a window fires when the clock reaches its end, not on watermarks; a
 * run restored from a snapshot taken midway (pending timers and accumulators) into a fresh
 * operator emits the rows of a run without the failure.
 */
@Timeout(30)
class ProcTimeWindowOperatorTest {

    private static final long SIZE = 10_000;
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    /**
     * The row (k, window start) the projection before the exchange made of a row it saw at
     * {@code then}; the operator ignores that start.
     */
    private static Row at(String k, long then) {
        return Row.of(k, Instant.ofEpochMilli(then - then % SIZE));
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness(OperatorSubtaskState restored)
            throws Exception {
        Accumulators count = new Accumulators(List.of(new BoundAggregate(new CountSlot(), -1, -1, false, null)));
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new ProcTimeWindowAggregateFunction(count, 2, 1, -1, true, SIZE, SIZE, 0)),
                new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    private static List<Row> run(boolean restoreMidway) throws Exception {
        var harness = harness(null);
        List<Row> out = new ArrayList<>();
        harness.setProcessingTime(1_000);
        harness.processElement(at("a", 1_000), 0);
        harness.processElement(at("b", 1_000), 0);
        harness.processWatermark(Long.MAX_VALUE); // processing-time windows ignore the watermark
        assertEquals(List.of(), harness.extractOutputValues());
        harness.setProcessingTime(9_000);
        harness.processElement(at("a", 9_000), 0);
        if (restoreMidway) {
            OperatorSubtaskState state = harness.snapshot(1, 0);
            harness.close();
            harness = harness(state);
        }
        harness.setProcessingTime(9_999);
        harness.processElement(at("b", 9_999), 0);
        assertEquals(List.of(), harness.extractOutputValues());
        harness.setProcessingTime(10_000); // the end of [0, 10 s)
        out.addAll(harness.extractOutputValues());
        harness.getOutput().clear();
        harness.processElement(at("a", 9_000), 0); // seen before 10 s upstream, here after the window fired
        harness.setProcessingTime(12_000);
        harness.processElement(at("a", 12_000), 0);
        harness.setProcessingTime(30_000);
        out.addAll(harness.extractOutputValues());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numProcessingTimeTimers());
        harness.close();
        return out;
    }

    @Test
    void windowsFireOnTheClockAndARestoredRunEmitsTheRowsOfARunWithoutFailure() throws Exception {
        Instant w0 = Instant.ofEpochMilli(0);
        Instant w1 = Instant.ofEpochMilli(SIZE);
        List<Row> expected = List.of(Row.of("a", w0, 2L), Row.of("b", w0, 2L), Row.of("a", w1, 2L));
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(run(false)));
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(run(true)));
        assertEquals(3, run(true).size());
    }

    /** A HOP or CUMULATE table function's window aggregate: rows (k, window_start, window_end), bounds TIMESTAMP. */
    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> tableFunctionHarness(boolean cumulate,
            OperatorSubtaskState restored) throws Exception {
        Accumulators count = new Accumulators(List.of(new BoundAggregate(new CountSlot(), -1, -1, false, null)));
        ProcTimeWindowAggregateFunction function = cumulate
                ? ProcTimeWindowAggregateFunction.cumulating(count, 3, 1, 2, 5_000, SIZE)
                : new ProcTimeWindowAggregateFunction(count, 3, 1, 2, false, SIZE, 5_000, 0);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    /** Rows at 1 s, 4 s, 6 s (a snapshot and restore here when asked) and 12 s; the clock then runs to 40 s. */
    private static java.util.Set<Row> runTableFunction(boolean cumulate, boolean restoreMidway) throws Exception {
        var harness = tableFunctionHarness(cumulate, null);
        List<Row> out = new ArrayList<>();
        java.time.LocalDateTime ignored = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);
        for (long now : new long[] {1_000, 4_000, 6_000, 12_000}) {
            harness.setProcessingTime(now);
            harness.processElement(Row.of("a", ignored, ignored), 0);
            if (now == 6_000 && restoreMidway) {
                out.addAll(harness.extractOutputValues());
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = tableFunctionHarness(cumulate, state);
            }
        }
        harness.setProcessingTime(40_000);
        out.addAll(harness.extractOutputValues());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numProcessingTimeTimers());
        harness.close();
        assertEquals(new java.util.HashSet<>(out).size(), out.size(), "each window fires once: " + out);
        return new java.util.HashSet<>(out);
    }

    private static Row window(long start, long end, long count) {
        return Row.of("a", io.weir.sql.runtime.window.WindowTableFunction.toTimestamp(start),
                io.weir.sql.runtime.window.WindowTableFunction.toTimestamp(end), count);
    }

    @Test
    void hopWindowsOfATableFunctionFireOnTheClockAndSurviveARestore() throws Exception {
        // HOP(slide 5 s, size 10 s): [-5, 5) holds 1 s and 4 s; [0, 10) 1, 4, 6; [5, 15) 6, 12; [10, 20) 12.
        java.util.Set<Row> expected = java.util.Set.of(window(-5_000, 5_000, 2), window(0, 10_000, 3),
                window(5_000, 15_000, 2), window(10_000, 20_000, 1));
        assertEquals(expected, runTableFunction(false, false));
        assertEquals(expected, runTableFunction(false, true));
    }

    @Test
    void cumulateWindowsOfATableFunctionGrowFromTheirStartAndSurviveARestore() throws Exception {
        // CUMULATE(step 5 s, size 10 s): [0, 5) holds 1 s and 4 s; [0, 10) 1, 4, 6; [10, 15) and [10, 20) 12.
        java.util.Set<Row> expected = java.util.Set.of(window(0, 5_000, 2), window(0, 10_000, 3),
                window(10_000, 15_000, 1), window(10_000, 20_000, 1));
        assertEquals(expected, runTableFunction(true, false));
        assertEquals(expected, runTableFunction(true, true));
    }

    /** A TUMBLE table function's window aggregate of {@code size} ms shifted by {@code offset}, in {@code zone}. */
    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> tumbleHarness(long size, long offset,
            java.time.ZoneId zone, boolean legacy, OperatorSubtaskState restored) throws Exception {
        Accumulators count = new Accumulators(List.of(new BoundAggregate(new CountSlot(), -1, -1, false, null)));
        ProcTimeWindowAggregateFunction function = (legacy
                ? new ProcTimeWindowAggregateFunction(count, 2, 1, -1, true, size, size, offset)
                : new ProcTimeWindowAggregateFunction(count, 3, 1, 2, false, size, size, offset)).inZone(zone);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    /** Feeds one row at each clock time (a snapshot and restore after the second), then runs the clock to {@code end}. */
    private static List<Row> feed(java.util.function.Function<OperatorSubtaskState,
            KeyedOneInputStreamOperatorTestHarness<Row, Row, Row>> harnesses, long[] times, long end,
            boolean restoreMidway) throws Exception {
        var harness = harnesses.apply(null);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            harness.setProcessingTime(times[i]);
            harness.processElement(Row.of("a", Instant.EPOCH, Instant.EPOCH), 0);
            if (i == 1 && restoreMidway) {
                out.addAll(harness.extractOutputValues());
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = harnesses.apply(state);
            }
        }
        harness.setProcessingTime(end);
        out.addAll(harness.extractOutputValues());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numProcessingTimeTimers());
        harness.close();
        return out;
    }

    private static java.util.function.Function<OperatorSubtaskState, KeyedOneInputStreamOperatorTestHarness<Row, Row, Row>>
            tumbling(long size, long offset, java.time.ZoneId zone, boolean legacy) {
        return restored -> {
            try {
                return tumbleHarness(size, offset, zone, legacy, restored);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void anOffsetShiftsTheWindowsFromTheEpoch() throws Exception {
        // TUMBLE(size 10 s, offset 2 s): [-8 s, 2 s) holds 1 s; [2 s, 12 s) 3 s and 11 s; [12 s, 22 s) 12 s.
        java.util.Set<Row> expected = java.util.Set.of(window(-8_000, 2_000, 1), window(2_000, 12_000, 2),
                window(12_000, 22_000, 1));
        for (boolean restore : new boolean[] {false, true}) {
            List<Row> out = feed(tumbling(SIZE, 2_000, null, false), new long[] {1_000, 3_000, 11_000, 12_000}, 40_000,
                    restore);
            assertEquals(expected, new java.util.HashSet<>(out));
            assertEquals(3, out.size());
        }
    }

    private static long utc(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aDayWindowInTheSessionZoneRunsFromLocalMidnightAndFiresThere() throws Exception {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        long day = 86_400_000L;
        // 15:00Z is 23:00 in Shanghai (Jan 1), 17:00Z 01:00 on Jan 2: two windows, not one UTC day.
        long[] times = {utc("2024-01-01T15:00:00Z"), utc("2024-01-01T17:00:00Z"), utc("2024-01-02T03:00:00Z")};
        for (boolean restore : new boolean[] {false, true}) {
            var harness = tumbleHarness(day, 0, shanghai, false, null);
            harness.setProcessingTime(times[0]);
            harness.processElement(Row.of("a", Instant.EPOCH, Instant.EPOCH), 0);
            harness.setProcessingTime(utc("2024-01-01T16:00:00Z") - 1);
            assertEquals(List.of(), harness.extractOutputValues());
            if (restore) {
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = tumbleHarness(day, 0, shanghai, false, state);
            }
            harness.setProcessingTime(utc("2024-01-01T16:00:00Z")); // local midnight
            java.time.LocalDateTime jan1 = java.time.LocalDateTime.of(2024, 1, 1, 0, 0);
            assertEquals(List.of(Row.of("a", jan1, jan1.plusDays(1), 1L)), harness.extractOutputValues());
            harness.getOutput().clear();
            harness.setProcessingTime(times[1]);
            harness.processElement(Row.of("a", Instant.EPOCH, Instant.EPOCH), 0);
            harness.setProcessingTime(times[2]);
            harness.processElement(Row.of("a", Instant.EPOCH, Instant.EPOCH), 0);
            harness.setProcessingTime(utc("2024-01-02T16:00:00Z"));
            assertEquals(List.of(Row.of("a", jan1.plusDays(1), jan1.plusDays(2), 2L)), harness.extractOutputValues());
            harness.close();
        }
        // A legacy window's start is TIMESTAMP_LTZ in the plan: local midnight's wall time, kept as the
        // instant whose UTC reading it is (TUMBLE_START reads it back as that wall time).
        List<Row> legacy = feed(tumbling(day, 0, shanghai, true), new long[] {times[0]}, utc("2024-01-03T00:00:00Z"),
                false);
        assertEquals(List.of(Row.of("a", Instant.parse("2024-01-01T00:00:00Z"), 1L)), legacy);
    }

    @Test
    void anHourThatHappensTwiceIsOneWindowFiredAfterTheSecond() throws Exception {
        // New York, 2024-11-03: 01:00-02:00 local runs 05:00Z-06:00Z (EDT), then again 06:00Z-07:00Z (EST).
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        long hour = 3_600_000L;
        java.time.LocalDateTime one = java.time.LocalDateTime.of(2024, 11, 3, 1, 0);
        for (boolean restore : new boolean[] {false, true}) {
            var harness = tumbleHarness(hour, 0, newYork, false, null);
            harness.setProcessingTime(utc("2024-11-03T04:30:00Z")); // 00:30 EDT
            harness.processElement(Row.of("a", Instant.EPOCH, Instant.EPOCH), 0);
            harness.setProcessingTime(utc("2024-11-03T05:30:00Z")); // 01:30 EDT
            harness.processElement(Row.of("a", Instant.EPOCH, Instant.EPOCH), 0);
            assertEquals(List.of(Row.of("a", one.minusHours(1), one, 1L)), harness.extractOutputValues());
            harness.getOutput().clear();
            if (restore) {
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = tumbleHarness(hour, 0, newYork, false, state);
            }
            harness.setProcessingTime(utc("2024-11-03T06:30:00Z")); // 01:30 EST
            harness.processElement(Row.of("a", Instant.EPOCH, Instant.EPOCH), 0);
            harness.setProcessingTime(utc("2024-11-03T07:00:00Z") - 1);
            assertEquals(List.of(), harness.extractOutputValues());
            harness.setProcessingTime(utc("2024-11-03T07:00:00Z")); // 02:00 EST
            assertEquals(List.of(Row.of("a", one, one.plusHours(1), 2L)), harness.extractOutputValues());
            assertEquals(0, harness.numKeyedStateEntries());
            harness.close();
        }
    }

    @Test
    void aWindowTimeKeyIsTheInstantOfTheAssignedWindowsLastMillisecond() throws Exception {
        // GROUP BY k, window_start, window_end, window_time over TUMBLE(10 s) in Shanghai: the
        // window_time the rows carry from before the exchange is replaced by the operator's window's.
        Accumulators count = new Accumulators(List.of(new BoundAggregate(new CountSlot(), -1, -1, false, null)));
        var function = new ProcTimeWindowAggregateFunction(count, 4, 1, 2, false, SIZE, SIZE, 0)
                .withWindowTime(3, true).inZone(java.time.ZoneId.of("Asia/Shanghai"));
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY)) {
            harness.open();
            harness.setProcessingTime(9_000);
            harness.processElement(Row.of("a", null, null, Instant.EPOCH), 0);
            harness.setProcessingTime(10_000);
            java.time.LocalDateTime eight = java.time.LocalDateTime.of(1970, 1, 1, 8, 0);
            assertEquals(List.of(Row.of("a", eight, eight.plusSeconds(10), Instant.ofEpochMilli(9_999), 1L)),
                    harness.extractOutputValues());
        }
    }
}
