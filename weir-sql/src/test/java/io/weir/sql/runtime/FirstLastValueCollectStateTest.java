package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CollectSlot;
import io.weir.sql.runtime.agg.FirstLastValueSlot;
import io.weir.sql.runtime.agg.GroupAggregateFunction;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.agg.PercentileSlot;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * FIRST_VALUE, LAST_VALUE (over updating input: all values in arrival order), COLLECT and PERCENTILE
 * (counts per value) keep their state through a snapshot and a restore into a fresh operator: the
 * restored run's output after the snapshot equals a run without one.
 */
@Timeout(30)
class FirstLastValueCollectStateTest {

    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    private static final List<Row> BEFORE = List.of(Row.of("a", 1), Row.of("a", 2), Row.of("a", 1), Row.of("b", 3));

    private static final List<Row> AFTER = List.of(Row.ofKind(RowKind.DELETE, "a", 1), Row.of("a", 4),
            Row.ofKind(RowKind.DELETE, "b", 3), Row.ofKind(RowKind.DELETE, "a", 4));

    /** FIRST_VALUE(v), LAST_VALUE(v), COLLECT(v) over rows (k STRING, v INT) with updates. */
    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness() throws Exception {
        Accumulators accumulators = new Accumulators(List.of(
                new BoundAggregate(new FirstLastValueSlot(BasicTypeInfo.INT_TYPE_INFO, false, true), 1, -1, false,
                        BasicTypeInfo.INT_TYPE_INFO),
                new BoundAggregate(new FirstLastValueSlot(BasicTypeInfo.INT_TYPE_INFO, true, true), 1, -1, false,
                        BasicTypeInfo.INT_TYPE_INFO),
                new BoundAggregate(new CollectSlot(BasicTypeInfo.INT_TYPE_INFO), 1, -1, false,
                        BasicTypeInfo.INT_TYPE_INFO)));
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new GroupAggregateFunction(accumulators, Duration.ZERO)),
                new KeyProjection(new int[] {0}), KEY);
    }

    @Test
    void restoredRunEqualsARunWithoutRestore() throws Exception {
        List<Row> expected;
        try (var uninterrupted = harness()) {
            uninterrupted.open();
            feed(uninterrupted, BEFORE);
            int before = uninterrupted.extractOutputValues().size();
            feed(uninterrupted, AFTER);
            List<Row> all = uninterrupted.extractOutputValues();
            expected = List.copyOf(all.subList(before, all.size()));
        }
        OperatorSubtaskState snapshot;
        try (var first = harness()) {
            first.open();
            feed(first, BEFORE);
            snapshot = first.snapshot(1, 0);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            feed(restored, AFTER);
            assertEquals(expected, restored.extractOutputValues());
        }
        // Deleting the earliest 1 leaves [2, 1]: FIRST_VALUE falls to 2; b's only row goes, so b is deleted.
        assertEquals(List.of(
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1, 1, Map.of(1, 2, 2, 1)),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 2, 1, Map.of(1, 1, 2, 1)),
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", 2, 1, Map.of(1, 1, 2, 1)),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 2, 4, Map.of(1, 1, 2, 1, 4, 1)),
                Row.ofKind(RowKind.DELETE, "b", 3, 3, Map.of(3, 1)),
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", 2, 4, Map.of(1, 1, 2, 1, 4, 1)),
                Row.ofKind(RowKind.UPDATE_AFTER, "a", 2, 1, Map.of(1, 1, 2, 1))), expected);
    }

    /** PERCENTILE(v, p) over rows (k STRING, v INT, p DOUBLE) with updates. */
    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> percentileHarness() throws Exception {
        Accumulators accumulators = new Accumulators(List.of(
                BoundAggregate.ofArguments(new PercentileSlot(false), new int[] {1, 2}, -1)));
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new GroupAggregateFunction(accumulators, Duration.ZERO)),
                new KeyProjection(new int[] {0}), KEY);
    }

    @Test
    void percentileRestoredRunEqualsARunWithoutRestore() throws Exception {
        List<Row> before = List.of(Row.of("a", 0, 0.3), Row.of("a", 10, 0.3), Row.of("a", 10, 0.3));
        List<Row> after = List.of(Row.ofKind(RowKind.DELETE, "a", 10, 0.3), Row.of("a", 20, 0.3));
        List<Row> expected;
        try (var uninterrupted = percentileHarness()) {
            uninterrupted.open();
            feed(uninterrupted, before);
            int seen = uninterrupted.extractOutputValues().size();
            feed(uninterrupted, after);
            List<Row> all = uninterrupted.extractOutputValues();
            expected = List.copyOf(all.subList(seen, all.size()));
        }
        OperatorSubtaskState snapshot;
        try (var first = percentileHarness()) {
            first.open();
            feed(first, before);
            snapshot = first.snapshot(1, 0);
        }
        try (var restored = percentileHarness()) {
            restored.initializeState(snapshot);
            restored.open();
            feed(restored, after);
            assertEquals(expected, restored.extractOutputValues());
        }
        // [0, 10, 10] -> 6.0; minus a 10: [0, 10] -> 3.0; plus 20: [0, 10, 20] -> 6.0.
        assertEquals(List.of(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 6.0), Row.ofKind(RowKind.UPDATE_AFTER, "a", 3.0),
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", 3.0), Row.ofKind(RowKind.UPDATE_AFTER, "a", 6.0)), expected);
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness, List<Row> rows)
            throws Exception {
        for (Row row : rows) {
            harness.processElement(row, 0);
        }
    }
}
