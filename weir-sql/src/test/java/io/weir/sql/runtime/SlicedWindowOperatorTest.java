package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CountSlot;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.agg.NumericType;
import io.weir.sql.runtime.agg.SumSlot;
import io.weir.sql.runtime.window.LocalSliceAggregateOperator;
import io.weir.sql.runtime.window.SessionWindowAggregateFunction;
import io.weir.sql.runtime.window.SliceAssigner;
import io.weir.sql.runtime.window.SlicedWindowAggregateFunction;
import io.weir.sql.runtime.window.WindowTableFunction;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import io.weir.testutils.OneInputStreamOperatorTestHarness;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sliced window aggregate's two halves and the accumulating session window on the operator
 * harness: a run restored from a snapshot taken midway (into fresh operators) gives the rows of a
 * run without the failure, and the state is empty once every window has fired.
 */
@Timeout(30)
class SlicedWindowOperatorTest {

    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** COUNT(*) and SUM(v) over rows (k STRING, v INT, ...). */
    private static Accumulators countAndSum() {
        return new Accumulators(List.of(
                new BoundAggregate(new CountSlot(), -1, -1, false, null),
                new BoundAggregate(new SumSlot(NumericType.INTEGER, NumericType.INTEGER, 0, false), 1, -1, false,
                        BasicTypeInfo.INT_TYPE_INFO)));
    }

    private static long millis(int seconds) {
        return WindowTableFunction.toMillis(T0.plusSeconds(seconds));
    }

    /** A row (k, v, slice end) of a HOP with 2 s slices, at {@code second}. */
    private static Row sliced(String k, int v, int second) {
        return Row.of(k, v, T0.plusSeconds(second - Math.floorMod(second, 2) + 2));
    }

    /** HOP(slide 2 s, size 4 s), local then global half; restored midway if asked. */
    private static Set<Row> hop(boolean restoreMidway) throws Exception {
        Accumulators accumulators = countAndSum();
        SliceAssigner slices = new SliceAssigner(WindowTableFunction.Kind.HOP, 4_000, 2_000);
        var local = new OneInputStreamOperatorTestHarness<Row, Row>(
                new LocalSliceAggregateOperator(accumulators, new int[] {0}, 2, 1_000, true));
        local.open();
        var global = global(accumulators, slices, null);
        List<Row> out = new ArrayList<>();
        local.processElement(sliced("a", 1, 1), 0);
        local.processElement(sliced("a", 2, 3), 0);
        local.processElement(sliced("b", 5, 3), 0);
        local.processWatermark(millis(1));
        forward(local, global, out);
        local.processElement(sliced("a", 4, 4), 0);
        OperatorSubtaskState localState = local.snapshot(1, 0); // the partial of (a, 4) goes before the barrier
        forward(local, global, out);
        OperatorSubtaskState globalState = global.snapshot(1, 0);
        if (restoreMidway) {
            local.close();
            global.close();
            local = new OneInputStreamOperatorTestHarness<>(
                    new LocalSliceAggregateOperator(accumulators, new int[] {0}, 2, 1_000, true));
            local.initializeState(localState);
            local.open();
            global = global(accumulators, slices, globalState);
        }
        local.processWatermark(millis(4)); // fires [-2, 2) and [0, 4)
        local.processElement(sliced("a", 100, 3), 0); // late for [0, 4), in time for [2, 6)
        local.processElement(sliced("b", 7, 6), 0);
        local.processWatermark(Long.MAX_VALUE);
        forward(local, global, out);
        assertEquals(0, global.numKeyedStateEntries());
        local.close();
        global.close();
        assertEquals(out.size(), new HashSet<>(out).size());
        return new HashSet<>(out);
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> global(Accumulators accumulators,
            SliceAssigner slices, OperatorSubtaskState restored) throws Exception {
        return global(accumulators, slices, restored, null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> global(Accumulators accumulators,
            SliceAssigner slices, OperatorSubtaskState restored, java.time.ZoneId zone) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                SlicedWindowAggregateFunction.ofPartials(accumulators, slices, 1, 1, 2, zone)),
                new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    /** Moves what the local half sent (partials, watermarks) into the global half, and the global's rows into {@code out}. */
    private static void forward(OneInputStreamOperatorTestHarness<Row, Row> local,
            KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> global, List<Row> out) throws Exception {
        for (Object sent; (sent = local.getOutput().poll()) != null; ) {
            if (sent instanceof StreamRecord<?> record) {
                global.processElement((Row) record.getValue(), 0);
            } else if (sent instanceof Watermark watermark) {
                global.processWatermark(watermark.getTimestamp());
            }
        }
        out.addAll(global.extractOutputValues());
        global.getOutput().clear();
    }

    @Test
    void slicedHopRestoredMidwayGivesTheRowsOfARunWithoutFailure() throws Exception {
        Set<Row> expected = Set.of(
                Row.of("a", T0.minusSeconds(2), T0.plusSeconds(2), 1L, 1),
                Row.of("a", T0, T0.plusSeconds(4), 2L, 3),
                Row.of("b", T0, T0.plusSeconds(4), 1L, 5),
                Row.of("a", T0.plusSeconds(2), T0.plusSeconds(6), 3L, 106),
                Row.of("b", T0.plusSeconds(2), T0.plusSeconds(6), 1L, 5),
                Row.of("a", T0.plusSeconds(4), T0.plusSeconds(8), 1L, 4),
                Row.of("b", T0.plusSeconds(4), T0.plusSeconds(8), 1L, 7),
                Row.of("b", T0.plusSeconds(6), T0.plusSeconds(10), 1L, 7));
        assertEquals(expected, hop(false));
        assertEquals(expected, hop(true));
    }

    /** Rows (k, v, second) in time order for {@link #hopOfSixSeconds}: three keys, slices with gaps. */
    private static final Object[][] ROWS = {
        {"a", 1, 1}, {"b", 2, 3}, {"a", 3, 3}, {"a", 4, 4}, {"a", 5, 7}, {"b", 6, 9}, {"c", 7, 12},
        {"a", 8, 13}, {"c", 9, 21}, {"b", 10, 22},
    };

    /**
     * The global half of HOP(slide 2 s, size 6 s) over {@link #ROWS}, a partial per row. The watermark
     * follows the rows before every {@code watermarkEvery}-th row (that row's second minus 1: with 1 a
     * window or two fire at a time, with 4 several, while later slices of the key wait) or, with 0,
     * stays back until the end; with {@code restoreAt} >= 0 the run is snapshotted after that
     * many rows and continued in a fresh operator. {@code zoneBefore} / {@code zoneAfter} are the
     * functions' zones before and after the restore: {@code UTC} keeps one timer per window (the layout
     * the TIMESTAMP_LTZ windows and the snapshots of earlier builds have), null one timer per key.
     */
    private static List<Row> hopOfSixSeconds(int watermarkEvery, int restoreAt, java.time.ZoneId zoneBefore,
            java.time.ZoneId zoneAfter) throws Exception {
        Accumulators accumulators = countAndSum();
        SliceAssigner slices = new SliceAssigner(WindowTableFunction.Kind.HOP, 6_000, 2_000);
        var global = global(accumulators, slices, null, zoneBefore);
        List<Row> out = new ArrayList<>();
        Set<String> slicesSeen = new HashSet<>();
        for (int i = 0; i < ROWS.length; i++) {
            if (i == restoreAt) {
                OperatorSubtaskState state = global.snapshot(1, 0);
                out.addAll(global.extractOutputValues());
                global.close();
                global = global(accumulators, slices, state, zoneAfter);
            }
            int second = (Integer) ROWS[i][2];
            if (watermarkEvery > 0 && i % watermarkEvery == 0) {
                global.processWatermark(millis(second) - 1);
            }
            Row acc = accumulators.create();
            accumulators.accumulate(acc, Row.of(ROWS[i][0], ROWS[i][1]));
            global.processElement(Row.of(ROWS[i][0], T0.plusSeconds(second - Math.floorMod(second, 2) + 2), acc), 0);
            slicesSeen.add(ROWS[i][0] + "@" + (second - Math.floorMod(second, 2) + 2));
            if (zoneBefore == null) {
                assertTrue(global.numEventTimeTimers() <= slicesSeen.size(), "one timer per slice, not one per window");
            }
        }
        global.processWatermark(Long.MAX_VALUE);
        out.addAll(global.extractOutputValues());
        assertEquals(0, global.numKeyedStateEntries());
        assertEquals(0, global.numEventTimeTimers());
        global.close();
        return out;
    }

    /** What HOP(2 s, 6 s) counts and sums over {@link #ROWS}, window by window. */
    private static Set<Row> hopOfSixSecondsExpected() {
        Set<Row> expected = new HashSet<>();
        for (String key : List.of("a", "b", "c")) {
            for (int start = -6; start <= 24; start += 2) {
                long count = 0;
                int sum = 0;
                for (Object[] row : ROWS) {
                    int second = (Integer) row[2];
                    if (row[0].equals(key) && second >= start && second < start + 6) {
                        count++;
                        sum += (Integer) row[1];
                    }
                }
                if (count > 0) {
                    expected.add(Row.of(key, T0.plusSeconds(start), T0.plusSeconds(start + 6), count, sum));
                }
            }
        }
        return expected;
    }

    @Test
    void aKeysWindowsThatTheWatermarkPassesAtOnceFireFromOneTimerWithTheSameRows() throws Exception {
        Set<Row> expected = hopOfSixSecondsExpected();
        for (int watermarkEvery : new int[] {1, 4, 0}) {
            for (int restoreAt : new int[] {-1, 3, 6}) {
                List<Row> perKey = hopOfSixSeconds(watermarkEvery, restoreAt, null, null);
                assertEquals(expected.size(), perKey.size(), "no window twice, none missing");
                assertEquals(expected, new HashSet<>(perKey));
                List<Row> perWindow = hopOfSixSeconds(watermarkEvery, restoreAt, java.time.ZoneOffset.UTC,
                        java.time.ZoneOffset.UTC);
                assertEquals(expected, new HashSet<>(perWindow));
                // Each key's windows come in the order of their ends in both layouts.
                for (String key : List.of("a", "b", "c")) {
                    assertEquals(perWindow.stream().filter(r -> r.getField(0).equals(key)).toList(),
                            perKey.stream().filter(r -> r.getField(0).equals(key)).toList());
                }
            }
        }
    }

    @Test
    void aSnapshotWithATimerPerWindowRestoresIntoOneTimerPerKeyWithoutDuplicates() throws Exception {
        Set<Row> expected = hopOfSixSecondsExpected();
        for (int watermarkEvery : new int[] {1, 4, 0}) {
            for (int restoreAt : new int[] {1, 3, 6, 9}) {
                List<Row> out = hopOfSixSeconds(watermarkEvery, restoreAt, java.time.ZoneOffset.UTC, null);
                assertEquals(expected.size(), out.size(), "no window twice, none missing");
                assertEquals(expected, new HashSet<>(out));
            }
        }
    }

    /** Sessions with gap 5 s over rows (k, v, ts), restored midway if asked. */
    private static List<Row> sessions(boolean restoreMidway) throws Exception {
        RowTypeInfo rowType = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.INT_TYPE_INFO,
                BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO);
        var function = new SessionWindowAggregateFunction(countAndSum(), new int[] {0, 2}, 1, 5_000, rowType);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY);
        harness.open();
        List<Row> out = new ArrayList<>();
        harness.processElement(Row.of("a", 1, T0.plusSeconds(1)), 0);
        harness.processElement(Row.of("a", 2, T0.plusSeconds(10)), 0);
        harness.processElement(Row.of("b", 3, T0.plusSeconds(2)), 0);
        OperatorSubtaskState state = harness.snapshot(1, 0);
        if (restoreMidway) {
            harness.close();
            harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                    new SessionWindowAggregateFunction(countAndSum(), new int[] {0, 2}, 1, 5_000, rowType)),
                    new KeyProjection(new int[] {0}), KEY);
            harness.initializeState(state);
            harness.open();
        }
        harness.processElement(Row.of("a", 4, T0.plusSeconds(6)), 0); // bridges [1, 6) and [10, 15)
        harness.processElement(Row.of("b", 5, T0.plusSeconds(4)), 0); // extends b's session
        harness.processWatermark(millis(9) - 1); // fires b's [2, 9)
        harness.processElement(Row.of("a", 8, T0.plusSeconds(13)), 0);
        harness.processWatermark(Long.MAX_VALUE);
        out.addAll(harness.extractOutputValues());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numEventTimeTimers());
        harness.close();
        return out;
    }

    @Test
    void sessionAccumulatorsMergeAndSurviveRestoreIntoAFreshOperator() throws Exception {
        List<Row> expected = List.of(
                Row.of("b", T0.plusSeconds(2), 2L, 8),
                Row.of("a", T0.plusSeconds(1), 4L, 15));
        assertEquals(expected, sessions(false));
        assertEquals(expected, sessions(true));
    }
}
