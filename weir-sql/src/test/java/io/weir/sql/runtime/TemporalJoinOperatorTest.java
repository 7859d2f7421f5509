package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedCoProcessOperator;
import io.weir.api.operators.Watermark;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.join.JoinKeyProjection;
import io.weir.sql.runtime.join.TemporalJoinFunction;
import io.weir.sql.runtime.window.WindowTableFunction;
import io.weir.testutils.KeyedTwoInputStreamOperatorTestHarness;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event-time temporal join on the operator harness: probe rows wait for the watermark of both
 * inputs, join the version valid at their time, versions replaced before the watermark are dropped
 * (so a late probe row finds only what is kept), {@code -U} rows are ignored and {@code -D} ends a
 * key's versions, and waiting rows, versions and their timers survive a snapshot and restore into a
 * fresh operator. Probe rows are {@code (k INT, id STRING, t TIMESTAMP)}, versions
 * {@code (k INT, v STRING, t TIMESTAMP)}, joined on {@code k}.
 */
@Timeout(30)
class TemporalJoinOperatorTest {

    private static final RowTypeInfo SIDE = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO,
            BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO);
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO);

    private static KeyedTwoInputStreamOperatorTestHarness<Row, Row, Row, Row> join(boolean leftOuter) throws Exception {
        TemporalJoinFunction.Spec spec = new TemporalJoinFunction.Spec(leftOuter, SIDE, SIDE, 2, 2,
                new boolean[] {true}, null, null);
        JoinKeyProjection key = new JoinKeyProjection(new int[] {0}, new JoinKeyProjection.Widening[] {
                JoinKeyProjection.Widening.NONE});
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new TemporalJoinFunction(spec)), key, key, KEY);
        return harness;
    }

    private static LocalDateTime at(int second) {
        return LocalDateTime.of(2024, 1, 1, 0, 0, second);
    }

    private static Watermark watermark(int second) {
        return new Watermark(WindowTableFunction.toMillis(at(second)));
    }

    private static Row probe(String id, int second) {
        return Row.of(1, id, at(second));
    }

    private static Row version(RowKind kind, String value, int second) {
        return Row.ofKind(kind, 1, value, at(second));
    }

    private static Row joined(String id, int second, String value, int versionSecond) {
        return Row.of(1, id, at(second), 1, value, at(versionSecond));
    }

    @Test
    void aProbeRowWaitsForTheWatermarkOfBothInputs() throws Exception {
        try (var harness = join(false)) {
            harness.open();
            harness.processElement1(probe("o1", 10), 0);
            harness.processElement2(version(RowKind.INSERT, "a", 5), 0);
            harness.processWatermark1(watermark(20));
            assertEquals(List.of(), harness.extractOutputValues());
            harness.processElement2(version(RowKind.UPDATE_AFTER, "b", 8), 0); // still in time for o1
            harness.processWatermark2(watermark(20));
            assertEquals(List.of(joined("o1", 10, "b", 8)), harness.extractOutputValues());
        }
    }

    @Test
    void versionsReplacedBeforeTheWatermarkAreDroppedSoALateProbeFindsOnlyWhatIsKept() throws Exception {
        try (var harness = join(true)) {
            harness.open();
            harness.processElement2(version(RowKind.INSERT, "a", 1), 0);
            harness.processElement2(version(RowKind.UPDATE_AFTER, "b", 5), 0);
            harness.processBothWatermarks(watermark(6));
            harness.processElement1(probe("late", 3), 0);  // "a" was valid then, but is gone
            harness.processElement1(probe("later", 5), 0); // "b" is kept: the newest version at or before 6
            harness.processBothWatermarks(watermark(7));
            assertEquals(List.of(Row.of(1, "late", at(3), null, null, null), joined("later", 5, "b", 5)),
                    harness.extractOutputValues());
        }
    }

    @Test
    void updateBeforeIsIgnoredAndADeletionEndsTheVersions() throws Exception {
        try (var harness = join(true)) {
            harness.open();
            harness.processElement2(version(RowKind.INSERT, "a", 1), 0);
            harness.processElement2(version(RowKind.UPDATE_BEFORE, "a", 1), 0); // carries the old version's time
            harness.processElement2(version(RowKind.UPDATE_AFTER, "b", 4), 0);
            harness.processElement2(version(RowKind.DELETE, "b", 8), 0);
            for (int second : new int[] {2, 5, 9}) {
                harness.processElement1(probe("o" + second, second), 0);
            }
            harness.processBothWatermarks(watermark(10));
            assertEquals(List.of(joined("o2", 2, "a", 1), joined("o5", 5, "b", 4),
                    Row.of(1, "o9", at(9), null, null, null)), harness.extractOutputValues());
        }
    }

    @Test
    void waitingRowsVersionsAndTimersSurviveSnapshotAndRestoreIntoAFreshOperator() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = join(false)) {
            harness.open();
            harness.processElement2(version(RowKind.INSERT, "a", 5), 0);
            harness.processElement1(probe("o1", 10), 0);
            snapshot = harness.snapshot(1, 0);
        }
        try (var restored = join(false)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processBothWatermarks(watermark(20));
            assertEquals(List.of(joined("o1", 10, "a", 5)), restored.extractOutputValues());
        }
    }
}
