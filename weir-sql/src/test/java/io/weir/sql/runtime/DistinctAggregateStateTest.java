package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CollectingAggregateSlot;
import io.weir.sql.runtime.agg.GroupAggregateFunction;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The distinct map of a DISTINCT aggregate of several arguments (rows of argument values to their
 * multiplicity) survives a snapshot and a restore into a fresh operator: the restored run emits
 * what a run without the restore emits.
 */
@Timeout(30)
class DistinctAggregateStateTest {

    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    /** LISTAGG(DISTINCT s, sep) over rows (g STRING, s STRING, sep STRING). */
    private static Accumulators distinctListAgg() {
        List<TypeInformation<?>> types = List.of(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO);
        return new Accumulators(List.of(BoundAggregate.ofDistinctArguments(
                new CollectingAggregateSlot(CollectingAggregateSlot.Kind.LISTAGG, types, null), new int[] {1, 2}, -1,
                types)));
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new GroupAggregateFunction(distinctListAgg(), Duration.ZERO)),
                new KeyProjection(new int[] {0}), KEY);
    }

    private static final List<Row> BEFORE = List.of(Row.of("a", "x", ";"), Row.of("a", "x", ";"),
            Row.of("a", "y", ";"), Row.of("b", "z", ";"));
    private static final List<Row> AFTER = List.of(Row.ofKind(RowKind.DELETE, "a", "x", ";"), Row.of("a", "w", ";"),
            Row.ofKind(RowKind.DELETE, "a", "x", ";"), Row.of("a", "y", ","));

    @Test
    void theDistinctMapSurvivesSnapshotAndRestore() throws Exception {
        List<Row> expected;
        try (var failureFree = harness()) {
            failureFree.open();
            for (Row row : BEFORE) {
                failureFree.processElement(row, 0);
            }
            int before = failureFree.extractOutputValues().size();
            for (Row row : AFTER) {
                failureFree.processElement(row, 0);
            }
            List<Row> all = failureFree.extractOutputValues();
            expected = new ArrayList<>(all.subList(before, all.size()));
        }
        OperatorSubtaskState snapshot;
        try (var first = harness()) {
            first.open();
            for (Row row : BEFORE) {
                first.processElement(row, 0);
            }
            snapshot = first.snapshot(1, 0);
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            for (Row row : AFTER) {
                restored.processElement(row, 0);
            }
            assertEquals(expected, restored.extractOutputValues());
        }
        // The first -D of x leaves one copy (no change); the second takes x out; (y, ",") is a new combination.
        assertEquals(List.of(Row.ofKind(RowKind.UPDATE_BEFORE, "a", "x;y"), Row.ofKind(RowKind.UPDATE_AFTER, "a", "x;y;w"),
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", "x;y;w"), Row.ofKind(RowKind.UPDATE_AFTER, "a", "y;w"),
                Row.ofKind(RowKind.UPDATE_BEFORE, "a", "y;w"), Row.ofKind(RowKind.UPDATE_AFTER, "a", "y;w,y")),
                expected);
    }
}
