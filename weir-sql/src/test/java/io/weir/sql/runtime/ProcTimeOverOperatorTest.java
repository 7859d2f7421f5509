package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.NumericType;
import io.weir.sql.runtime.agg.SumSlot;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.window.ProcTimeOverAggregateFunction;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OVER aggregates on processing time ({@code SUM(v) OVER (PARTITION BY k ORDER BY pt ...)} where
 * {@code pt} is {@code PROCTIME()}) on the operator harness, whose clock the test sets: ROWS and
 * UNBOUNDED frames emit each row as it arrives; a RANGE frame emits the rows of a millisecond once the
 * clock has passed it, with the rows that arrived within the range; a run restored from a snapshot
 * taken midway into a fresh operator emits the rows of a run without the failure.
 */
@Timeout(30)
class ProcTimeOverOperatorTest {

    private static final RowTypeInfo ROW = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO);
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness(boolean rows, long preceding,
            OperatorSubtaskState restored) throws Exception {
        Accumulators sum = new Accumulators(List.of(new BoundAggregate(
                new SumSlot(NumericType.BIGINT, NumericType.BIGINT, 0, false), 1, -1, false, BasicTypeInfo.LONG_TYPE_INFO)));
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new ProcTimeOverAggregateFunction(new ProcTimeOverAggregateFunction.Spec(sum, rows, preceding, ROW))),
                new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    /**
     * Rows of key a: 1 at 1 s, 2 and 4 at 2 s, 8 at 5 s, 16 at 9 s; of key b: 100 at 2 s. The operator
     * may be snapshotted after the rows of 2 s and restored into a fresh one.
     */
    private static List<Row> run(boolean rows, long preceding, boolean restoreMidway) throws Exception {
        var harness = harness(rows, preceding, null);
        List<Row> out = new ArrayList<>();
        long[][] arrivals = {{1_000, 1}, {2_000, 2}, {2_000, 4}, {2_000, 100}, {5_000, 8}, {9_000, 16}};
        for (long[] arrival : arrivals) {
            if (arrival[0] == 5_000 && restoreMidway) {
                out.addAll(harness.extractOutputValues());
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = harness(rows, preceding, state);
            }
            harness.setProcessingTime(arrival[0]);
            harness.processElement(Row.of(arrival[1] == 100 ? "b" : "a", arrival[1]), 0);
        }
        harness.processWatermark(Long.MAX_VALUE); // the watermark plays no part
        harness.setProcessingTime(20_000);
        out.addAll(harness.extractOutputValues());
        harness.close();
        return out;
    }

    /** Equal rows, in any order across keys (timers of one time fire in no set key order). */
    private static void assertRows(List<Row> expected, List<Row> actual) {
        assertEquals(expected.size(), actual.size(), actual::toString);
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(actual));
        assertEquals(expected.stream().filter(r -> r.getField(0).equals("a")).toList(),
                actual.stream().filter(r -> r.getField(0).equals("a")).toList(), "key a's rows in arrival order");
    }

    private static List<Row> expect(long... sums) {
        long[] values = {1, 2, 4, 100, 8, 16};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(Row.of(values[i] == 100 ? "b" : "a", values[i], sums[i]));
        }
        return rows;
    }

    @Test
    void rowsFramesEmitEachRowWhenItArrives() throws Exception {
        List<Row> expected = expect(1, 3, 6, 100, 12, 24); // the row and the one before it
        assertRows(expected, run(true, 1, false));
        assertRows(expected, run(true, 1, true));
    }

    @Test
    void unboundedFramesKeepARunningAggregate() throws Exception {
        List<Row> expected = expect(1, 3, 7, 100, 15, 31);
        assertRows(expected, run(true, -1, false));
        assertRows(expected, run(false, -1, true));
    }

    @Test
    void rangeFramesEmitAMillisecondsRowsOnceTheClockPassesIt() throws Exception {
        // RANGE 3 s: the rows of 2 s share one sum (1 + 2 + 4); 5 s reaches back to 2 s; 9 s to 6 s only.
        List<Row> expected = expect(1, 7, 7, 100, 14, 16);
        assertRows(expected, run(false, 3_000, false));
        assertRows(expected, run(false, 3_000, true));
    }
}
