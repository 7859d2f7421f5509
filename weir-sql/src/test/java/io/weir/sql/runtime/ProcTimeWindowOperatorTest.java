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
}
