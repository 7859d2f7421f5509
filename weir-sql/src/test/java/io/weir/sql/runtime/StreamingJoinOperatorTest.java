package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.operators.KeyedCoProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.join.IntervalBounds;
import io.weir.sql.runtime.join.JoinKeyProjection;
import io.weir.sql.runtime.join.JoinSpec;
import io.weir.sql.runtime.join.StreamingJoinFunction;
import io.weir.testutils.KeyedTwoInputStreamOperatorTestHarness;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The regular join operator on the operator harness: the exact changelog of outer joins (padded
 * rows retracted when a partner arrives and sent again when the last partner goes), retractions
 * from an updating input, state TTL on a manual clock, rows of an interval join dropped by the
 * watermark, and snapshot and restore into a fresh operator.
 * Rows are {@code (k INT, v STRING)} on both sides, joined on {@code k}.
 */
@Timeout(30)
class StreamingJoinOperatorTest {

    private static final RowTypeInfo SIDE = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO);
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO);

    private static KeyedTwoInputStreamOperatorTestHarness<Row, Row, Row, Row> join(boolean leftOuter,
            boolean rightOuter, Duration ttl) throws Exception {
        JoinSpec spec = new JoinSpec(leftOuter, rightOuter, SIDE, SIDE, new boolean[] {true}, null, null, ttl, null);
        JoinKeyProjection key = new JoinKeyProjection(new int[] {0}, new JoinKeyProjection.Widening[] {
                JoinKeyProjection.Widening.NONE});
        return new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new StreamingJoinFunction(spec)),
                key, key, KEY);
    }

    private static Row row(RowKind kind, Object... fields) {
        return Row.ofKind(kind, fields);
    }

    @Test
    void fullOuterJoinRetractsPaddedRowsWhenPartnersComeAndGo() throws Exception {
        try (var harness = join(true, true, Duration.ZERO)) {
            harness.open();
            harness.processElement1(Row.of(1, "a"), 0);
            harness.processElement2(Row.of(1, "x"), 0);
            harness.processElement2(Row.of(1, "y"), 0);
            harness.processElement2(row(RowKind.DELETE, 1, "x"), 0);
            harness.processElement2(row(RowKind.DELETE, 1, "y"), 0);
            harness.processElement1(row(RowKind.UPDATE_BEFORE, 1, "a"), 0);
            assertEquals(List.of(
                    row(RowKind.INSERT, 1, "a", null, null),
                    row(RowKind.DELETE, 1, "a", null, null),
                    row(RowKind.INSERT, 1, "a", 1, "x"),
                    row(RowKind.INSERT, 1, "a", 1, "y"),
                    row(RowKind.DELETE, 1, "a", 1, "x"),
                    row(RowKind.DELETE, 1, "a", 1, "y"),
                    row(RowKind.INSERT, 1, "a", null, null),
                    row(RowKind.DELETE, 1, "a", null, null)), harness.extractOutputValues());
        }
    }

    @Test
    void innerJoinEmitsEachCopyOfADuplicateAndIgnoresNullKeys() throws Exception {
        try (var harness = join(false, false, Duration.ZERO)) {
            harness.open();
            harness.processElement1(Row.of(1, "a"), 0);
            harness.processElement1(Row.of(1, "a"), 0);
            harness.processElement1(Row.of(null, "n"), 0);
            harness.processElement2(Row.of(null, "m"), 0);
            harness.processElement2(Row.of(1, "x"), 0);
            harness.processElement1(row(RowKind.DELETE, 1, "a"), 0);
            assertEquals(List.of(Row.of(1, "a", 1, "x"), Row.of(1, "a", 1, "x"), row(RowKind.DELETE, 1, "a", 1, "x")),
                    harness.extractOutputValues());
        }
    }

    @Test
    void idleRowsExpireAfterTheStateTtl() throws Exception {
        try (var harness = join(false, false, Duration.ofSeconds(10))) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement1(Row.of(1, "a"), 0);
            harness.setProcessingTime(5_000);
            harness.processElement2(Row.of(1, "x"), 0);
            harness.setProcessingTime(12_000); // "a" was written 12 s ago: expired; "x" 7 s ago: kept
            harness.processElement2(Row.of(1, "y"), 0);
            harness.processElement1(Row.of(1, "b"), 0);
            assertEquals(List.of(Row.of(1, "a", 1, "x"), Row.of(1, "b", 1, "x"), Row.of(1, "b", 1, "y")),
                    harness.extractOutputValues());
        }
    }

    @Test
    void intervalJoinDropsRowsOnceTheWatermarkPassesTheirLastPartnerTime() throws Exception {
        RowTypeInfo timed = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO);
        // left.ts - right.ts in [-5 s, 0]: a left row at t joins right rows up to t + 5 s, a right row at s left rows up to s
        IntervalBounds bounds = new IntervalBounds(1, 1, -5_000, 0);
        JoinSpec spec = new JoinSpec(false, false, timed, timed, new boolean[] {true}, null, null, Duration.ZERO, bounds);
        JoinKeyProjection key = new JoinKeyProjection(new int[] {0}, new JoinKeyProjection.Widening[] {
                JoinKeyProjection.Widening.NONE});
        try (var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new StreamingJoinFunction(spec)), key, key, KEY)) {
            harness.open();
            harness.processElement1(Row.of(1, at(10)), 0);
            harness.processElement2(Row.of(1, at(12)), 0);
            harness.processBothWatermarks(new io.weir.api.operators.Watermark(at(15).toInstant(ZoneOffset.UTC).toEpochMilli()));
            harness.processElement2(Row.of(1, at(15)), 0); // the left row (last partner at 15 s) is still there
            harness.processBothWatermarks(new io.weir.api.operators.Watermark(at(16).toInstant(ZoneOffset.UTC).toEpochMilli()));
            harness.processElement2(Row.of(1, at(14)), 0); // late: the left row has gone
            assertEquals(List.of(Row.of(1, at(10), 1, at(12)), Row.of(1, at(10), 1, at(15))),
                    harness.extractOutputValues());
        }
    }

    private static LocalDateTime at(int second) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, second);
    }

    /**
     * A snapshot of a join whose inputs had more columns (a Weir build before the join's inputs were
     * trimmed to the columns used, or another version of the query) is not read as rows of the
     * narrower input: the first use of a restored key fails and says what to do.
     */
    @Test
    void stateOfAWiderInputIsRefusedWhenRead() throws Exception {
        RowTypeInfo wide = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO,
                BasicTypeInfo.STRING_TYPE_INFO);
        JoinKeyProjection key = new JoinKeyProjection(new int[] {0}, new JoinKeyProjection.Widening[] {
                JoinKeyProjection.Widening.NONE});
        OperatorSubtaskState snapshot;
        try (var harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(
                new StreamingJoinFunction(new JoinSpec(false, false, wide, SIDE, new boolean[] {true}, null, null,
                        Duration.ZERO, null))), key, key, KEY)) {
            harness.open();
            harness.processElement1(Row.of(1, "a", "an unused column"), 0);
            snapshot = harness.snapshot(1, 0);
        }
        try (var restored = join(false, false, Duration.ZERO)) {
            restored.initializeState(snapshot);
            restored.open();
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> restored.processElement2(Row.of(1, "y"), 0));
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().contains("does not have the columns of this join's input"), e.toString());
            assertTrue(cause.getMessage().contains("Start the job without that snapshot's state"), e.toString());
        }
    }

    @Test
    void storedRowsSurviveSnapshotAndRestoreIntoAFreshOperator() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = join(true, false, Duration.ZERO)) {
            harness.open();
            harness.processElement1(Row.of(1, "a"), 0);
            harness.processElement1(Row.of(2, "b"), 0);
            harness.processElement2(Row.of(2, "x"), 0);
            snapshot = harness.snapshot(1, 0);
        }
        try (var restored = join(true, false, Duration.ZERO)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement2(Row.of(1, "y"), 0);
            restored.processElement2(row(RowKind.DELETE, 2, "x"), 0);
            assertEquals(List.of(row(RowKind.DELETE, 1, "a", null, null), Row.of(1, "a", 1, "y"),
                    row(RowKind.DELETE, 2, "b", 2, "x"), Row.of(2, "b", null, null)), restored.extractOutputValues());
        }
    }

    /**
     * On the heap the key's rows are changed in place: rows added, partner counts changed and rows
     * removed after a snapshot must not show in what the snapshot restores.
     */
    @Test
    void changesAfterASnapshotAreNotInIt() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = join(true, false, Duration.ZERO)) {
            harness.open();
            for (int i = 0; i < 20; i++) {
                harness.processElement1(Row.of(1, "a" + i), 0); // the key's array has spare room now
            }
            snapshot = harness.snapshot(1, 0);
            harness.processElement1(Row.of(1, "late"), 0);
            harness.processElement2(Row.of(1, "x"), 0);
            harness.processElement1(row(RowKind.DELETE, 1, "a0"), 0);
        }
        try (var restored = join(true, false, Duration.ZERO)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement2(Row.of(1, "y"), 0);
            List<Row> expected = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(row(RowKind.DELETE, 1, "a" + i, null, null));
                expected.add(Row.of(1, "a" + i, 1, "y"));
            }
            assertEquals(expected, restored.extractOutputValues());
        }
    }

    @Test
    void retractionsRemoveOneCopyAndRowsExpireOnTheirOwnAcrossARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = join(true, false, Duration.ofSeconds(10))) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement1(Row.of(1, "a"), 0);
            harness.setProcessingTime(6_000);
            harness.processElement1(Row.of(1, "b"), 0);
            harness.processElement1(Row.of(1, "b"), 0);
            harness.processElement1(Row.of(1, "c"), 0);
            harness.processElement1(row(RowKind.UPDATE_BEFORE, 1, "b"), 0); // one copy of "b" goes
            harness.processElement1(row(RowKind.DELETE, 1, "c"), 0);
            snapshot = harness.snapshot(1, 0);
        }
        try (var restored = join(true, false, Duration.ofSeconds(10))) {
            restored.initializeState(snapshot);
            restored.open();
            restored.setProcessingTime(12_000); // "a" was written 12 s ago: expired; "b" 6 s ago: kept
            restored.processElement2(Row.of(1, "x"), 0);
            restored.processElement2(row(RowKind.DELETE, 1, "x"), 0);
            restored.processElement1(row(RowKind.DELETE, 1, "b"), 0);
            restored.processElement2(Row.of(1, "y"), 0);
            assertEquals(List.of(
                    row(RowKind.DELETE, 1, "b", null, null), Row.of(1, "b", 1, "x"),
                    row(RowKind.DELETE, 1, "b", 1, "x"), Row.of(1, "b", null, null),
                    row(RowKind.DELETE, 1, "b", null, null)), restored.extractOutputValues());
        }
    }

    @Test
    void aKeyWithManyRowsKeepsEachRowAndItsCopies() throws Exception {
        try (var harness = join(false, false, Duration.ZERO)) {
            harness.open();
            for (int i = 0; i < 500; i++) {
                harness.processElement1(Row.of(7, "v" + (i % 250)), 0); // 250 rows, two copies each
            }
            for (int i = 0; i < 250; i += 2) {
                harness.processElement1(row(RowKind.DELETE, 7, "v" + i), 0); // even rows: one copy left
            }
            for (int i = 1; i < 250; i += 2) {
                harness.processElement1(row(RowKind.DELETE, 7, "v" + i), 0);
                harness.processElement1(row(RowKind.DELETE, 7, "v" + i), 0); // odd rows: gone
            }
            harness.processElement2(Row.of(7, "x"), 0);
            List<Row> expected = new java.util.ArrayList<>();
            for (int i = 0; i < 250; i += 2) {
                expected.add(Row.of(7, "v" + i, 7, "x"));
            }
            assertEquals(expected, harness.extractOutputValues());
        }
    }
}
