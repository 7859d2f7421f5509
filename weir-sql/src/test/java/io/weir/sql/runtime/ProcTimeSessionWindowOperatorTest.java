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
import io.weir.sql.runtime.window.ProcTimeSessionWindowAggregateFunction;
import io.weir.sql.runtime.window.WindowKeyLayout;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Session windows over processing time on the operator harness, whose clock the test sets: a row
 * joins its partition's open session when it arrives before the session's end, which it moves to
 * its own time plus the gap; a session fires when the clock reaches its end and not on watermarks;
 * a run restored from a snapshot taken midway (open sessions, accumulators, pending timers) into a
 * fresh operator emits the rows of a run without the failure.
 */
@Timeout(30)
class ProcTimeSessionWindowOperatorTest {

    private static final long GAP = 5_000;
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    private static Accumulators count() {
        return new Accumulators(List.of(new BoundAggregate(new CountSlot(), -1, -1, false, null)));
    }

    /** A legacy {@code GROUP BY k, SESSION(pt, gap)}: rows (k, pt), result (k, session start, count). */
    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> legacy(OperatorSubtaskState restored)
            throws Exception {
        var function = new ProcTimeSessionWindowAggregateFunction(count(), new WindowKeyLayout(2, 1, -1, true),
                new int[] {0}, KEY, GAP, null);
        return open(new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY), restored);
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> open(
            KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness, OperatorSubtaskState restored)
            throws Exception {
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    /** The time PROCTIME() gave the row before the exchange; the operator reads its own clock instead. */
    private static Row row(String k) {
        return Row.of(k, Instant.EPOCH);
    }

    private static Set<Row> runLegacy(boolean restoreMidway) throws Exception {
        var harness = legacy(null);
        List<Row> out = new ArrayList<>();
        harness.setProcessingTime(1_000);
        harness.processElement(row("a"), 0);
        harness.processElement(row("b"), 0);
        harness.processWatermark(Long.MAX_VALUE); // processing-time sessions ignore the watermark
        harness.setProcessingTime(4_000);
        harness.processElement(row("a"), 0); // a's session now ends at 9 s
        harness.setProcessingTime(6_000); // b's session [1 s, 6 s) ends; a's timer is set again for 9 s
        out.addAll(harness.extractOutputValues());
        assertEquals(List.of(Row.of("b", Instant.ofEpochMilli(1_000), 1L)), out);
        if (restoreMidway) {
            OperatorSubtaskState state = harness.snapshot(1, 0);
            harness.close();
            harness = legacy(state);
        } else {
            harness.getOutput().clear();
        }
        harness.setProcessingTime(8_999);
        harness.processElement(row("a"), 0); // one millisecond before the end: a's session goes on to 13.999 s
        harness.setProcessingTime(9_000);
        assertEquals(List.of(), harness.extractOutputValues());
        harness.setProcessingTime(13_999); // [1 s, 13.999 s) ends
        harness.setProcessingTime(20_000);
        harness.processElement(row("a"), 0);
        harness.setProcessingTime(24_999);
        harness.processElement(row("a"), 0);
        harness.setProcessingTime(40_000);
        out.addAll(harness.extractOutputValues());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numProcessingTimeTimers());
        harness.close();
        assertEquals(new HashSet<>(out).size(), out.size(), "each session fires once: " + out);
        return new HashSet<>(out);
    }

    @Test
    void sessionsGrowWithEachRowOnTheClockAndARestoredRunEmitsTheRowsOfARunWithoutFailure() throws Exception {
        Set<Row> expected = Set.of(Row.of("b", Instant.ofEpochMilli(1_000), 1L),
                Row.of("a", Instant.ofEpochMilli(1_000), 3L), Row.of("a", Instant.ofEpochMilli(20_000), 2L));
        assertEquals(expected, runLegacy(false));
        assertEquals(expected, runLegacy(true));
    }

    /**
     * {@code GROUP BY window_start, window_end, u} over {@code SESSION(TABLE t PARTITION BY k,
     * DESCRIPTOR(pt), gap)} in 'Asia/Shanghai': rows (k, u), result (window_start, window_end, u,
     * count); the partition's session is split by u, its bounds are wall times of the zone.
     */
    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> tableFunction(OperatorSubtaskState restored)
            throws Exception {
        var function = new ProcTimeSessionWindowAggregateFunction(count(), new WindowKeyLayout(3, 0, 1, false),
                new int[] {1}, KEY, GAP, ZoneId.of("Asia/Shanghai"));
        return open(new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY), restored);
    }

    @Test
    void groupingKeysBeyondThePartitionSplitASessionWhoseBoundsAreWallTimesOfTheSessionZone() throws Exception {
        for (boolean restoreMidway : new boolean[] {false, true}) {
            var harness = tableFunction(null);
            harness.setProcessingTime(1_000);
            harness.processElement(Row.of("p", "x"), 0);
            harness.setProcessingTime(3_000);
            harness.processElement(Row.of("p", "y"), 0);
            harness.processElement(Row.of("q", "x"), 0);
            if (restoreMidway) {
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = tableFunction(state);
            }
            harness.setProcessingTime(7_000);
            harness.processElement(Row.of("p", "x"), 0);
            harness.setProcessingTime(30_000);
            LocalDateTime eight = LocalDateTime.of(1970, 1, 1, 8, 0);
            Set<Row> expected = Set.of(
                    Row.of(eight.plusSeconds(1), eight.plusSeconds(12), "x", 2L),
                    Row.of(eight.plusSeconds(1), eight.plusSeconds(12), "y", 1L),
                    Row.of(eight.plusSeconds(3), eight.plusSeconds(8), "x", 1L));
            assertEquals(expected, new HashSet<>(harness.extractOutputValues()), "restore midway: " + restoreMidway);
            assertEquals(3, harness.extractOutputValues().size());
            assertEquals(0, harness.numKeyedStateEntries());
            harness.close();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> rows(OperatorSubtaskState restored)
            throws Exception {
        var function = new io.weir.sql.runtime.window.ProcTimeSessionWindowTableFunction(GAP,
                new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO), null);
        return open(new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                new KeyProjection(new int[] {0}), KEY), restored);
    }

    @Test
    void theTableFunctionAloneEmitsASessionsRowsWithItsBoundsWhenItEnds() throws Exception {
        for (boolean restoreMidway : new boolean[] {false, true}) {
            var harness = rows(null);
            harness.setProcessingTime(1_000);
            harness.processElement(Row.of("p", "r1"), 0);
            harness.setProcessingTime(3_000);
            harness.processElement(Row.of("p", "r2"), 0);
            if (restoreMidway) {
                OperatorSubtaskState state = harness.snapshot(1, 0);
                harness.close();
                harness = rows(state);
            }
            harness.setProcessingTime(7_999);
            assertEquals(List.of(), harness.extractOutputValues());
            harness.setProcessingTime(8_000);
            harness.processElement(Row.of("p", "r3"), 0); // at the end: a new session
            harness.setProcessingTime(30_000);
            LocalDateTime epoch = LocalDateTime.of(1970, 1, 1, 0, 0);
            assertEquals(List.of(
                    Row.of("p", "r1", epoch.plusSeconds(1), epoch.plusSeconds(8), epoch.plusNanos(7_999_000_000L)),
                    Row.of("p", "r2", epoch.plusSeconds(1), epoch.plusSeconds(8), epoch.plusNanos(7_999_000_000L)),
                    Row.of("p", "r3", epoch.plusSeconds(8), epoch.plusSeconds(13), epoch.plusNanos(12_999_000_000L))),
                    harness.extractOutputValues(), "restore midway: " + restoreMidway);
            assertEquals(0, harness.numKeyedStateEntries());
            assertEquals(0, harness.numProcessingTimeTimers());
            harness.close();
        }
    }
}
