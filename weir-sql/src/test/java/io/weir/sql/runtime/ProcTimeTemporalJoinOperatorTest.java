package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedCoProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.join.JoinKeyProjection;
import io.weir.sql.runtime.join.ProcTimeTemporalJoinFunction;
import io.weir.testutils.KeyedTwoInputStreamOperatorTestHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The join with a temporal table function over processing time on the operator harness: a probe
 * row joins the latest version of its key when it arrives (none yet: nothing), a version replaces
 * the one before, {@code -U}/{@code -D} remove it, a null key joins nothing, and the versions survive
 * a snapshot and restore into a fresh operator. Probe rows are {@code (k INT, id STRING)}, versions
 * {@code (k INT, rate STRING)}, joined on {@code k}.
 */
@Timeout(30)
class ProcTimeTemporalJoinOperatorTest {

    private static final RowTypeInfo SIDE = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO);
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO);

    private static KeyedTwoInputStreamOperatorTestHarness<Row, Row, Row, Row> join(OperatorSubtaskState restored)
            throws Exception {
        var spec = new ProcTimeTemporalJoinFunction.Spec(SIDE, SIDE, new boolean[] {true}, null, null);
        JoinKeyProjection key = new JoinKeyProjection(new int[] {0}, new JoinKeyProjection.Widening[] {
                JoinKeyProjection.Widening.NONE});
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ProcTimeTemporalJoinFunction(spec)), key, key, KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    private static List<Row> run(boolean restoreMidway) throws Exception {
        var harness = join(null);
        List<Row> out = new ArrayList<>();
        harness.processElement1(Row.of(1, "o1"), 0); // no version of key 1 yet
        harness.processElement2(Row.of(1, "r1"), 0);
        harness.processElement2(Row.of(2, "s1"), 0);
        harness.processElement2(Row.of(null, "n1"), 0);
        harness.processElement1(Row.of(1, "o2"), 0);
        harness.processElement1(Row.of(null, "o3"), 0); // a null key joins nothing
        if (restoreMidway) {
            out.addAll(harness.extractOutputValues());
            OperatorSubtaskState state = harness.snapshot(1, 0);
            harness.close();
            harness = join(state);
        }
        harness.processElement2(Row.ofKind(RowKind.UPDATE_BEFORE, 1, "r1"), 0);
        harness.processElement1(Row.of(1, "o4"), 0); // between -U and +U: no version
        harness.processElement2(Row.ofKind(RowKind.UPDATE_AFTER, 1, "r2"), 0);
        harness.processElement1(Row.of(1, "o5"), 0);
        harness.processElement1(Row.of(2, "o6"), 0);
        harness.processElement2(Row.ofKind(RowKind.DELETE, 2, "s1"), 0);
        harness.processElement1(Row.of(2, "o7"), 0);
        out.addAll(harness.extractOutputValues());
        harness.close();
        return out;
    }

    @Test
    void aProbeRowJoinsItsKeysLatestVersionWhenItArrivesAndARestoredRunEmitsTheSameRows() throws Exception {
        List<Row> expected = List.of(Row.of(1, "o2", 1, "r1"), Row.of(1, "o5", 1, "r2"), Row.of(2, "o6", 2, "s1"));
        assertEquals(expected, run(false));
        assertEquals(expected, run(true));
    }
}
