package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CountSlot;
import io.weir.sql.runtime.agg.GroupAggregateFunction;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.agg.NumericType;
import io.weir.sql.runtime.agg.SumSlot;
import io.weir.sql.runtime.window.WindowAggregateFunction;
import io.weir.sql.runtime.window.WindowTableFunction;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import io.weir.testutils.ProcessFunctionTestHarnesses;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SQL aggregate operators on the operator harness: state TTL on a manual clock, snapshot and
 * restore into a fresh operator, and window firing and late rows driven by explicit watermarks.
 */
@Timeout(30)
class SqlAggregateOperatorTest {

    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    /** COUNT(*) and SUM(v) over rows (k STRING, v INT). */
    private static Accumulators countAndSum() {
        return new Accumulators(List.of(
                new BoundAggregate(new CountSlot(), -1, -1, false, null),
                new BoundAggregate(new SumSlot(NumericType.INTEGER, NumericType.INTEGER, 0, false), 1, -1, false,
                        BasicTypeInfo.INT_TYPE_INFO)));
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> groupAggregate(Duration ttl) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new GroupAggregateFunction(countAndSum(), ttl),
                new KeyProjection(new int[] {0}), KEY);
    }

    @Test
    void idleGroupStateExpiresAfterTheStateTtl() throws Exception {
        try (var harness = groupAggregate(Duration.ofSeconds(10))) {
            harness.setProcessingTime(0);
            harness.processElement(Row.of("a", 1), 0);
            harness.setProcessingTime(5_000);
            harness.processElement(Row.of("a", 2), 0);
            harness.setProcessingTime(16_000); // 11 s after the last write: expired
            harness.processElement(Row.of("a", 4), 0);
            assertEquals(List.of(Row.of("a", 1L, 1), Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L, 1),
                    Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L, 3), Row.of("a", 1L, 4)), harness.extractOutputValues());
        }
    }

    @Test
    void groupsSurviveSnapshotAndRestoreIntoAFreshOperator() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = groupAggregate(Duration.ZERO)) {
            harness.processElement(Row.of("a", 1), 0);
            harness.processElement(Row.of("b", 5), 0);
            snapshot = harness.snapshot(1, 0);
        }
        try (var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new io.weir.api.operators.KeyedProcessOperator<>(new GroupAggregateFunction(countAndSum(), Duration.ZERO)),
                new KeyProjection(new int[] {0}), KEY)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(Row.ofKind(RowKind.DELETE, "b", 5), 0);
            restored.processElement(Row.of("a", 2), 0);
            assertEquals(List.of(Row.ofKind(RowKind.DELETE, "b", 1L, 5), Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L, 1),
                    Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L, 3)), restored.extractOutputValues());
        }
    }

    @Test
    void windowFiresAtItsEndAndDropsLateRows() throws Exception {
        // rows (item, price, window_start, window_end), grouped by item and the window bounds.
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        LocalDateTime end = start.plusSeconds(10);
        Accumulators sum = new Accumulators(List.of(new BoundAggregate(
                new SumSlot(NumericType.INTEGER, NumericType.INTEGER, 0, false), 1, -1, false,
                BasicTypeInfo.INT_TYPE_INFO)));
        RowTypeInfo key = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO,
                BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO);
        try (var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new WindowAggregateFunction(sum, 2, 0),
                new KeyProjection(new int[] {0, 2, 3}), key)) {
            long endMillis = WindowTableFunction.toMillis(end);
            harness.processElement(Row.of("a", 1, start, end), 0);
            harness.processElement(Row.of("a", 2, start, end), 0);
            harness.processWatermark(endMillis - 2);
            assertEquals(List.of(), harness.extractOutputValues());
            harness.processWatermark(endMillis - 1);
            harness.processElement(Row.of("a", 100, start, end), 0); // late: the window has fired
            harness.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of(Row.of("a", start, end, 3)), harness.extractOutputValues());
            assertEquals(0, harness.numKeyedStateEntries());
        }
    }
}
