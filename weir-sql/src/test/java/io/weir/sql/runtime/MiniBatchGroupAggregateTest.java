package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CountSlot;
import io.weir.sql.runtime.agg.DistinctBucketKey;
import io.weir.sql.runtime.agg.GroupAggregateFunction;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.agg.MiniBatchGroupAggregateOperator;
import io.weir.sql.runtime.agg.NumericType;
import io.weir.sql.runtime.agg.SumSlot;
import io.weir.sql.runtime.agg.LocalGroupAggregateOperator;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import io.weir.testutils.OneInputStreamOperatorTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mini-batch group aggregate on the operator harness: batches are applied at their size, at
 * their latency (processing time) and before a snapshot; a run restored from a snapshot taken in
 * the middle of a batch emits exactly the rows of a run without the failure (nothing lost, nothing
 * twice), and its results add up to those of the aggregate without mini-batch.
 */
@Timeout(30)
class MiniBatchGroupAggregateTest {

    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    /** COUNT(*) and SUM(v) over rows (k STRING, v INT), grouped by k. */
    private static Accumulators countAndSum() {
        return new Accumulators(List.of(
                new BoundAggregate(new CountSlot(), -1, -1, false, null),
                new BoundAggregate(new SumSlot(NumericType.INTEGER, NumericType.INTEGER, 0, false), 1, -1, false,
                        BasicTypeInfo.INT_TYPE_INFO)));
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness(
            OneInputStreamOperator<Row, Row> operator, OperatorSubtaskState restored) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    private static MiniBatchGroupAggregateOperator miniBatch(int size) {
        return new MiniBatchGroupAggregateOperator(countAndSum(), Duration.ZERO, Duration.ofSeconds(1), size);
    }

    private static final List<Row> FIRST = List.of(Row.of("a", 1), Row.of("b", 2), Row.of("a", 3));
    private static final List<Row> SECOND = List.of(Row.of("a", 4), Row.ofKind(RowKind.DELETE, "b", 2),
            Row.of("c", 5), Row.ofKind(RowKind.DELETE, "a", 1), Row.of("b", 6));

    /** FIRST, a snapshot (restored into a fresh operator if asked), then SECOND and the end of input. */
    private static List<Row> run(Supplier<OneInputStreamOperator<Row, Row>> operator, boolean restoreMidway)
            throws Exception {
        var harness = harness(operator.get(), null);
        List<Row> out = new ArrayList<>();
        for (Row row : FIRST) {
            harness.processElement(row, 0);
        }
        OperatorSubtaskState state = harness.snapshot(1, 0);
        out.addAll(harness.extractOutputValues());
        harness.getOutput().clear();
        if (restoreMidway) {
            harness.close();
            harness = harness(operator.get(), state);
        }
        for (Row row : SECOND) {
            harness.processElement(row, 0);
        }
        harness.endInput();
        out.addAll(harness.extractOutputValues());
        harness.close();
        return out;
    }

    /** The rows left when a changelog is applied, per key. */
    private static Map<Object, Row> materialize(List<Row> changelog) {
        Map<Object, Row> rows = new HashMap<>();
        for (Row row : changelog) {
            Row values = Row.of(row.getField(0), row.getField(1), row.getField(2));
            if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                rows.put(row.getField(0), values);
            } else {
                assertEquals(values, rows.remove(row.getField(0)), "retracted a row that was not there");
            }
        }
        return rows;
    }

    @Test
    void restoreInTheMiddleOfABatchLosesAndDuplicatesNothing() throws Exception {
        List<Row> expected = List.of(
                // the snapshot applies the first batch before the barrier
                Row.ofKind(RowKind.INSERT, "a", 2L, 4),
                Row.ofKind(RowKind.INSERT, "b", 1L, 2),
                // the end of input applies the second: b taken back and re-added changes (1, 2) to (1, 6)
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", 2L, 4),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L, 7),
                Row.ofKind(RowKind.UPDATE_BEFORE, "b", 1L, 2),
                Row.ofKind(RowKind.UPDATE_AFTER, "b", 1L, 6),
                Row.ofKind(RowKind.INSERT, "c", 1L, 5));
        assertEquals(expected, run(() -> miniBatch(100), false));
        assertEquals(expected, run(() -> miniBatch(100), true));
        List<Row> oneByOne = run(() -> new KeyedProcessOperator<>(
                new GroupAggregateFunction(countAndSum(), Duration.ZERO)), false);
        assertEquals(materialize(oneByOne), materialize(expected));
        assertEquals(materialize(oneByOne), materialize(run(() -> miniBatch(2), true)));
        assertEquals(11, oneByOne.size()); // the same input without mini-batch sends every step
    }

    @Test
    void batchIsAppliedAtItsLatencyAndAtItsSize() throws Exception {
        var harness = harness(miniBatch(3), null);
        harness.setProcessingTime(1_000);
        harness.processElement(Row.of("a", 1), 0);
        harness.processElement(Row.of("a", 2), 0);
        assertEquals(List.of(), harness.extractOutputValues());
        harness.setProcessingTime(1_999);
        assertEquals(List.of(), harness.extractOutputValues());
        harness.setProcessingTime(2_000); // one latency after the batch's first row
        assertEquals(List.of(Row.ofKind(RowKind.INSERT, "a", 2L, 3)), harness.extractOutputValues());
        harness.getOutput().clear();
        harness.processElement(Row.of("a", 1), 0);
        harness.processElement(Row.of("b", 1), 0);
        harness.processElement(Row.ofKind(RowKind.DELETE, "a", 1), 0); // the third row: applied at once
        assertEquals(List.of(Row.ofKind(RowKind.INSERT, "b", 1L, 1)), harness.extractOutputValues());
        harness.close();
    }

    private static final List<Row> APPEND_FIRST = List.of(Row.of("a", 1), Row.of("b", 2), Row.of("a", 3));
    private static final List<Row> APPEND_SECOND = List.of(Row.of("a", 4), Row.of("c", 5), Row.of("b", 6),
            Row.of("a", 1));

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> global(OperatorSubtaskState restored)
            throws Exception {
        return harness(MiniBatchGroupAggregateOperator.global(countAndSum(), Duration.ZERO, Duration.ofSeconds(1),
                100, 1), restored);
    }

    private static OneInputStreamOperatorTestHarness<Row, Row> local() throws Exception {
        var local = new OneInputStreamOperatorTestHarness<Row, Row>(
                new LocalGroupAggregateOperator(countAndSum(), new int[] {0}, Duration.ofSeconds(1), 100));
        local.open();
        return local;
    }

    /** Moves the local half's partials into the global half. */
    private static void forward(OneInputStreamOperatorTestHarness<Row, Row> local,
            KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> global) throws Exception {
        for (Object sent; (sent = local.getOutput().poll()) != null; ) {
            if (sent instanceof StreamRecord<?> record) {
                global.processElement((Row) record.getValue(), 0);
            }
        }
    }

    /** Local then global half over APPEND_FIRST, a checkpoint (restored into fresh operators if asked), APPEND_SECOND. */
    private static List<Row> twoPhase(boolean restoreMidway) throws Exception {
        var local = local();
        var global = global(null);
        for (Row row : APPEND_FIRST) {
            local.processElement(row, 0);
        }
        local.snapshot(1, 0); // the barrier: the local half sends its partials first, and keeps no state
        forward(local, global);
        OperatorSubtaskState globalState = global.snapshot(1, 0);
        List<Row> out = new ArrayList<>(global.extractOutputValues());
        global.getOutput().clear();
        if (restoreMidway) {
            local.close();
            global.close();
            local = local();
            global = global(globalState);
        }
        for (Row row : APPEND_SECOND) {
            local.processElement(row, 0);
        }
        local.endInput();
        forward(local, global);
        global.endInput();
        out.addAll(global.extractOutputValues());
        local.close();
        global.close();
        return out;
    }

    @Test
    void twoPhaseRestoredMidwayGivesTheRowsOfARunWithoutFailure() throws Exception {
        List<Row> expected = List.of(
                Row.ofKind(RowKind.INSERT, "a", 2L, 4),
                Row.ofKind(RowKind.INSERT, "b", 1L, 2),
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", 2L, 4),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 4L, 9),
                Row.ofKind(RowKind.INSERT, "c", 1L, 5),
                Row.ofKind(RowKind.UPDATE_BEFORE, "b", 1L, 2),
                Row.ofKind(RowKind.UPDATE_AFTER, "b", 2L, 8));
        assertEquals(expected, twoPhase(false));
        assertEquals(expected, twoPhase(true));
        List<Row> all = new ArrayList<>(APPEND_FIRST);
        all.addAll(APPEND_SECOND);
        var oneByOne = harness(new KeyedProcessOperator<>(new GroupAggregateFunction(countAndSum(), Duration.ZERO)),
                null);
        for (Row row : all) {
            oneByOne.processElement(row, 0);
        }
        assertEquals(materialize(oneByOne.extractOutputValues()), materialize(expected));
        oneByOne.close();
    }

    /** COUNT(*), SUM(v) and MIN(v) over rows with updates (retracting MIN). */
    private static Accumulators countSumMin() {
        return new Accumulators(List.of(
                new BoundAggregate(new CountSlot(), -1, -1, false, null),
                new BoundAggregate(new SumSlot(NumericType.INTEGER, NumericType.INTEGER, 0, false), 1, -1, false,
                        BasicTypeInfo.INT_TYPE_INFO),
                new BoundAggregate(new io.weir.sql.runtime.agg.RetractableMinMaxSlot(BasicTypeInfo.INT_TYPE_INFO, false),
                        1, -1, false, BasicTypeInfo.INT_TYPE_INFO)));
    }

    /**
     * Two phases over FIRST, a checkpoint (restored into fresh operators if asked), then SECOND, whose
     * deletes retract rows FIRST's batch counted: the local half's partials take them back (a
     * negative count, and MIN's value count -1: a's and b's minimum goes), the global half's merge
     * applies them.
     */
    private static List<Row> twoPhaseOverUpdates(boolean restoreMidway) throws Exception {
        Supplier<OneInputStreamOperatorTestHarness<Row, Row>> newLocal = () -> {
            try {
                var harness = new OneInputStreamOperatorTestHarness<Row, Row>(new LocalGroupAggregateOperator(
                        countSumMin().asPartial(), new int[] {0}, Duration.ofSeconds(1), 100));
                harness.open();
                return harness;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var local = newLocal.get();
        var global = harness(MiniBatchGroupAggregateOperator.global(countSumMin(), Duration.ZERO,
                Duration.ofSeconds(1), 100, 1), null);
        for (Row row : FIRST) {
            local.processElement(row, 0);
        }
        local.snapshot(1, 0);
        forward(local, global);
        OperatorSubtaskState globalState = global.snapshot(1, 0);
        List<Row> out = new ArrayList<>(global.extractOutputValues());
        global.getOutput().clear();
        if (restoreMidway) {
            local.close();
            global.close();
            local = newLocal.get();
            global = harness(MiniBatchGroupAggregateOperator.global(countSumMin(), Duration.ZERO,
                    Duration.ofSeconds(1), 100, 1), globalState);
        }
        for (Row row : SECOND) {
            local.processElement(row, 0);
        }
        local.endInput();
        forward(local, global);
        global.endInput();
        out.addAll(global.extractOutputValues());
        local.close();
        global.close();
        return out;
    }

    @Test
    void twoPhaseOverUpdatesRestoredMidwayGivesTheRowsOfARunWithoutFailureAndOfOnePhase() throws Exception {
        List<Row> withoutFailure = twoPhaseOverUpdates(false);
        assertEquals(withoutFailure, twoPhaseOverUpdates(true));
        List<Row> all = new ArrayList<>(FIRST);
        all.addAll(SECOND);
        var onePhase = harness(new KeyedProcessOperator<>(new GroupAggregateFunction(countSumMin(), Duration.ZERO)),
                null);
        for (Row row : all) {
            onePhase.processElement(row, 0);
        }
        Map<Object, Row> expected = new HashMap<>();
        for (Row row : List.of(Row.of("a", 2L, 7, 3), Row.of("b", 1L, 6, 6), Row.of("c", 1L, 5, 5))) {
            expected.put(row.getField(0), row);
        }
        assertEquals(expected, materializeAll(onePhase.extractOutputValues()));
        assertEquals(expected, materializeAll(withoutFailure));
        onePhase.close();
    }

    /** The rows a changelog of (k, count, sum, min) adds up to, by key. */
    private static Map<Object, Row> materializeAll(List<Row> changelog) {
        Map<Object, Row> rows = new HashMap<>();
        for (Row row : changelog) {
            Row values = Row.of(row.getField(0), row.getField(1), row.getField(2), row.getField(3));
            if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                rows.put(row.getField(0), values);
            } else {
                assertEquals(values, rows.remove(row.getField(0)), "retracts the row the result holds");
            }
        }
        return rows;
    }

    private static final RowTypeInfo BUCKET_KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO,
            BasicTypeInfo.INT_TYPE_INFO);

    /** Split-distinct COUNT(DISTINCT v) over (k, v): per (k, bucket of v), then the buckets' counts summed per k. */
    private static List<Row> splitDistinct(boolean restoreMidway) throws Exception {
        Supplier<KeyedProcessOperator<Row, Row, Row>> partialOperator = () -> new KeyedProcessOperator<>(
                new GroupAggregateFunction(new Accumulators(List.of(new BoundAggregate(new CountSlot(), 1, -1, true,
                        BasicTypeInfo.INT_TYPE_INFO))), Duration.ZERO));
        Supplier<KeyedProcessOperator<Row, Row, Row>> finalOperator = () -> new KeyedProcessOperator<>(
                new GroupAggregateFunction(new Accumulators(List.of(new BoundAggregate(
                        new SumSlot(NumericType.BIGINT, NumericType.BIGINT, 0, false), 2, -1, false,
                        BasicTypeInfo.LONG_TYPE_INFO))), Duration.ZERO));
        var partial = new KeyedOneInputStreamOperatorTestHarness<>(partialOperator.get(),
                new DistinctBucketKey(new int[] {0}, 1, 3), BUCKET_KEY);
        partial.open();
        var last = harness(finalOperator.get(), null);
        List<Row> in = List.of(Row.of("a", 1), Row.of("a", 2), Row.of("a", 2), Row.of("a", 3), Row.of("b", 4));
        List<Row> more = List.of(Row.ofKind(RowKind.DELETE, "a", 2), Row.ofKind(RowKind.DELETE, "a", 2),
                Row.of("a", 5), Row.of("a", 6), Row.ofKind(RowKind.DELETE, "b", 4));
        List<Row> out = new ArrayList<>();
        for (Row row : in) {
            partial.processElement(row, 0);
        }
        for (Row row : partial.extractOutputValues()) {
            last.processElement(row, 0);
        }
        partial.getOutput().clear();
        OperatorSubtaskState partialState = partial.snapshot(1, 0);
        OperatorSubtaskState finalState = last.snapshot(1, 0);
        out.addAll(last.extractOutputValues());
        last.getOutput().clear();
        if (restoreMidway) {
            partial.close();
            last.close();
            partial = new KeyedOneInputStreamOperatorTestHarness<>(partialOperator.get(),
                    new DistinctBucketKey(new int[] {0}, 1, 3), BUCKET_KEY);
            partial.initializeState(partialState);
            partial.open();
            last = harness(finalOperator.get(), finalState);
        }
        for (Row row : more) {
            partial.processElement(row, 0);
        }
        for (Row row : partial.extractOutputValues()) {
            last.processElement(row, 0);
        }
        out.addAll(last.extractOutputValues());
        partial.close();
        last.close();
        return out;
    }

    @Test
    void splitDistinctRestoredMidwayGivesTheRowsOfARunWithoutFailure() throws Exception {
        List<Row> expected = splitDistinct(false);
        assertEquals(expected, splitDistinct(true));
        // a: {1, 2, 3} then 2 deleted twice, 5 and 6 added: 4 distinct values; b deleted
        assertEquals(Map.of("a", Row.of("a", 4L)), materializeOne(expected));
    }

    /** Like materialize, for (key, one result) rows. */
    private static Map<Object, Row> materializeOne(List<Row> changelog) {
        Map<Object, Row> rows = new HashMap<>();
        for (Row row : changelog) {
            Row values = Row.of(row.getField(0), row.getField(1));
            if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                rows.put(row.getField(0), values);
            } else {
                assertEquals(values, rows.remove(row.getField(0)), "retracted a row that was not there");
            }
        }
        return rows;
    }
}
