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
import io.weir.sql.runtime.agg.MinMaxSlot;
import io.weir.sql.runtime.agg.NumericType;
import io.weir.sql.runtime.agg.SumSlot;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.agg.LagSlot;
import io.weir.sql.runtime.agg.RankingSlot;
import io.weir.sql.runtime.rank.RowOrder;
import io.weir.sql.runtime.window.BatchOverFunction;
import io.weir.sql.runtime.window.BatchOverFunction.Call;
import io.weir.sql.runtime.window.BatchOverFunction.Column;
import io.weir.sql.runtime.window.BatchOverFunction.Frame;
import io.weir.sql.runtime.window.BatchOverFunction.FrameResult;
import io.weir.sql.runtime.window.BatchOverFunction.Kind;
import io.weir.sql.runtime.window.OverAggregateFunction;
import io.weir.sql.runtime.window.ProcTimeOverAggregateFunction;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OVER window functions on the operator harness, each run twice: without a failure, and snapshotted
 * midway into a fresh operator that goes on from the snapshot. The restored run must emit what the run
 * without the failure emits: LAG's buffer of the last offset + 1 values and a rank's counters (in the
 * running accumulator of an event-time or processing-time OVER aggregate, next to the rows the
 * watermark has not passed yet), and BATCH mode's rows of a partition not sorted yet.
 */
@Timeout(30)
class OverWindowFunctionsOperatorTest {

    private static final RowTypeInfo TIMED = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO,
            BasicTypeInfo.LONG_TYPE_INFO, io.weir.api.types.Types.LOCAL_DATE_TIME);
    private static final RowTypeInfo PLAIN = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO);
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    private static LocalDateTime second(int s) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, s);
    }

    /** LAG(v, 2, -1), RANK() over the time order (field 2). */
    private static Accumulators lagAndRank() {
        return new Accumulators(List.of(
                BoundAggregate.ofArguments(new LagSlot(BasicTypeInfo.LONG_TYPE_INFO, 2, -1L, false), new int[] {1}, -1),
                new BoundAggregate(new RankingSlot(RankingSlot.Kind.RANK, io.weir.api.types.Types.LOCAL_DATE_TIME),
                        2, -1, false, io.weir.api.types.Types.LOCAL_DATE_TIME)));
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> open(
            io.weir.api.functions.KeyedProcessFunction<Row, Row, Row> function, OperatorSubtaskState restored)
            throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    /** One step of a run: a row, or a watermark when the row is null. */
    private record Step(Row row, long watermark) {
    }

    /**
     * Feeds the steps; with {@code restoreAt} >= 0 the operator is snapshotted before that step, closed,
     * and a fresh one restored from the snapshot takes the remaining steps.
     */
    private static List<Row> run(Supplier<io.weir.api.functions.KeyedProcessFunction<Row, Row, Row>> function,
            List<Step> steps, int restoreAt) throws Exception {
        var harness = open(function.get(), null);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i == restoreAt) {
                out.addAll(harness.extractOutputValues());
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = open(function.get(), state);
            }
            Step step = steps.get(i);
            if (step.row() == null) {
                harness.processWatermark(step.watermark());
            } else {
                harness.processElement(step.row(), 0);
            }
        }
        out.addAll(harness.extractOutputValues());
        harness.close();
        return out;
    }

    private static Step row(Object... fields) {
        return new Step(Row.of(fields), 0);
    }

    private static Step watermark(long ms) {
        return new Step(null, ms);
    }

    private static void assertSameRows(List<Row> expected, List<Row> actual) {
        assertEquals(expected.size(), actual.size(), actual::toString);
        assertEquals(new HashSet<>(expected), new HashSet<>(actual));
    }

    @Test
    void eventTimeLagAndRankRestoreTheirBuffersAndCounters() throws Exception {
        long base = second(0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        List<Step> steps = List.of(
                row("a", 1L, second(1)), row("a", 2L, second(2)), row("b", 10L, second(2)), row("a", 3L, second(2)),
                watermark(base + 2_000), // rows of 1 s and 2 s are emitted: a's accumulator holds [2, 3]... and b's
                row("a", 4L, second(3)), row("b", 20L, second(4)),
                row("a", 5L, second(5)), watermark(base + 4_000),
                row("a", 6L, second(7)), watermark(Long.MAX_VALUE));
        Supplier<io.weir.api.functions.KeyedProcessFunction<Row, Row, Row>> function = () -> new OverAggregateFunction(
                new OverAggregateFunction.Spec(lagAndRank(), 2, false, -1, TIMED));
        List<Row> expected = List.of(
                Row.of("a", 1L, second(1), -1L, 1L),
                // the rows of 2 s enter the RANGE frame together: LAG from the last of them, one rank
                Row.of("a", 2L, second(2), 1L, 2L), Row.of("a", 3L, second(2), 1L, 2L),
                Row.of("b", 10L, second(2), -1L, 1L),
                Row.of("a", 4L, second(3), 2L, 4L), Row.of("b", 20L, second(4), -1L, 2L),
                Row.of("a", 5L, second(5), 3L, 5L), Row.of("a", 6L, second(7), 4L, 6L));
        assertSameRows(expected, run(function, steps, -1));
        for (int restoreAt = 1; restoreAt < steps.size(); restoreAt++) {
            assertSameRows(expected, run(function, steps, restoreAt));
        }
    }

    @Test
    void processingTimeLagRestoresItsBuffer() throws Exception {
        Accumulators lag = new Accumulators(List.of(BoundAggregate.ofArguments(
                new LagSlot(BasicTypeInfo.LONG_TYPE_INFO, 1, null, false), new int[] {1}, -1)));
        Supplier<io.weir.api.functions.KeyedProcessFunction<Row, Row, Row>> function = () ->
                new ProcTimeOverAggregateFunction(new ProcTimeOverAggregateFunction.Spec(lag, false, -1, PLAIN));
        List<Step> steps = List.of(row("a", 1L), row("b", 10L), row("a", 2L), row("a", 3L), row("b", 20L));
        List<Row> expected = List.of(Row.of("a", 1L, null), Row.of("b", 10L, null), Row.of("a", 2L, 1L),
                Row.of("a", 3L, 2L), Row.of("b", 20L, 10L));
        for (int restoreAt = -1; restoreAt < steps.size(); restoreAt++) {
            assertEquals(expected, run(function, steps, restoreAt), "restored before step " + restoreAt);
        }
    }

    @Test
    void batchModeSortsEachPartitionAtTheEndOfInputAndRestoresItsRows() throws Exception {
        RowOrder byValueDescending = new RowOrder(new int[] {1}, new boolean[] {true}, new boolean[] {false});
        List<Column> calls = List.of(new Call(Kind.ROW_NUMBER, -1, 0, null, -1, false),
                new Call(Kind.RANK, -1, 0, null, -1, false), new Call(Kind.DENSE_RANK, -1, 0, null, -1, false),
                new Call(Kind.PERCENT_RANK, -1, 0, null, -1, false), new Call(Kind.CUME_DIST, -1, 0, null, -1, false),
                new Call(Kind.NTILE, -1, 2, null, -1, true), new Call(Kind.LEAD, 1, 1, 0L, -1, false),
                new Call(Kind.LAG, 1, 2, null, -1, false));
        Supplier<io.weir.api.functions.KeyedProcessFunction<Row, Row, Row>> function = () -> new BatchOverFunction(
                new BatchOverFunction.Spec(calls, List.of(), byValueDescending, PLAIN));
        List<Step> steps = List.of(row("a", 1L), row("a", 3L), row("b", 7L), row("a", 3L), row("a", 2L),
                watermark(Long.MAX_VALUE));
        List<Row> expected = List.of(
                Row.of("a", 3L, 1L, 1L, 1L, 0.0, 0.5, 1, 3L, null),
                Row.of("a", 3L, 2L, 1L, 1L, 0.0, 0.5, 1, 2L, null),
                Row.of("a", 2L, 3L, 3L, 2L, 2.0 / 3, 0.75, 2, 1L, 3L),
                Row.of("a", 1L, 4L, 4L, 3L, 1.0, 1.0, 2, 0L, 3L),
                Row.of("b", 7L, 1L, 1L, 1L, 0.0, 1.0, 1, 0L, null));
        for (int restoreAt = -1; restoreAt < steps.size(); restoreAt++) {
            List<Row> out = run(function, steps, restoreAt);
            assertSameRows(expected, out);
            assertEquals(expected.subList(0, 4), out.stream().filter(r -> r.getField(0).equals("a")).toList(),
                    "key a's rows in sorted order, restored before step " + restoreAt);
        }
    }

    private static BoundAggregate sumOfValues() {
        return new BoundAggregate(new SumSlot(NumericType.BIGINT, NumericType.BIGINT, 0, false), 1, -1, false,
                BasicTypeInfo.LONG_TYPE_INFO);
    }

    @Test
    void batchModeAggregatesOverFramesOfTheSortedPartitionAndRestoresItsRows() throws Exception {
        RowOrder byValueNullsFirst = new RowOrder(new int[] {1}, new boolean[] {false}, new boolean[] {true});
        BigDecimal one = BigDecimal.ONE;
        List<Frame> frames = List.of(
                // RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW: SUM(v), peers included
                new Frame(new Accumulators(List.of(sumOfValues())), false, null, BigDecimal.ZERO),
                // ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING: SUM(v), MAX(v)
                new Frame(new Accumulators(List.of(sumOfValues(), new BoundAggregate(
                        new MinMaxSlot(BasicTypeInfo.LONG_TYPE_INFO, true), 1, -1, false,
                        BasicTypeInfo.LONG_TYPE_INFO))), true, one.negate(), one),
                // RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING: COUNT(*)
                new Frame(new Accumulators(List.of(new BoundAggregate(new CountSlot(), -1, -1, false, null))),
                        false, one.negate(), one));
        List<Column> columns = List.of(new Call(Kind.ROW_NUMBER, -1, 0, null, -1, false), new FrameResult(0, 0),
                new FrameResult(1, 0), new FrameResult(1, 1), new FrameResult(2, 0));
        Supplier<io.weir.api.functions.KeyedProcessFunction<Row, Row, Row>> function = () -> new BatchOverFunction(
                new BatchOverFunction.Spec(columns, frames, byValueNullsFirst, PLAIN));
        List<Step> steps = List.of(row("a", 3L), row("a", 1L), row("b", 7L), row("a", null), row("a", 3L),
                row("a", 2L), watermark(Long.MAX_VALUE));
        List<Row> expected = List.of(
                // the NULL row: no values up to its peers; its RANGE offset frame is its NULL peers
                Row.of("a", null, 1L, null, 1L, 1L, 1L),
                Row.of("a", 1L, 2L, 1L, 3L, 2L, 2L),
                Row.of("a", 2L, 3L, 3L, 6L, 3L, 4L),
                Row.of("a", 3L, 4L, 9L, 8L, 3L, 3L),
                Row.of("a", 3L, 5L, 9L, 6L, 3L, 3L),
                Row.of("b", 7L, 1L, 7L, 7L, 7L, 1L));
        for (int restoreAt = -1; restoreAt < steps.size(); restoreAt++) {
            List<Row> out = run(function, steps, restoreAt);
            assertSameRows(expected, out);
            assertEquals(expected.subList(0, 5), out.stream().filter(r -> r.getField(0).equals("a")).toList(),
                    "key a's rows in sorted order, restored before step " + restoreAt);
        }
    }

    @Test
    void ntileCutsRowsIntoBucketsTheLargerFirst() {
        // 7 rows in 3 buckets: 3, 2, 2
        long[] buckets = new long[7];
        for (int i = 0; i < 7; i++) {
            buckets[i] = BatchOverFunction.bucket(i, 7, 3);
        }
        assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 3L, 3L), java.util.Arrays.stream(buckets).boxed().toList());
        assertEquals(List.of(1L, 2L), List.of(BatchOverFunction.bucket(0, 2, 5),
                BatchOverFunction.bucket(1, 2, 5)));
    }
}
