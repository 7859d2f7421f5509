package io.weir.sql.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.rank.ProcTimeKeepFirstRowFunction;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keep-first deduplication on processing time on the operator harness: each key's first row is
 * emitted at once as {@code +I} with row number 1, later rows of the key are dropped, and a run
 * restored midway from a snapshot emits the rows of a run without the failure (the restored operator
 * still drops the keys seen before).
 */
@Timeout(30)
class ProcTimeKeepFirstRowTest {

    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO);

    private static KeyedOneInputStreamOperatorTestHarness<Row, Row, Row> harness(OperatorSubtaskState restored)
            throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new ProcTimeKeepFirstRowFunction(Duration.ZERO)), new KeyProjection(new int[] {0}), KEY);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    private static List<Row> run(boolean restoreMidway) throws Exception {
        var harness = harness(null);
        List<Row> out = new ArrayList<>();
        harness.processElement(Row.of("a", 1), 0);
        harness.processElement(Row.of("b", 2), 0);
        if (restoreMidway) {
            out.addAll(harness.extractOutputValues());
            OperatorSubtaskState state = harness.snapshot(1, 0);
            harness.close();
            harness = harness(state);
        }
        harness.processElement(Row.of("a", 3), 0);
        harness.processElement(Row.of("c", 4), 0);
        harness.processElement(Row.of("b", 5), 0);
        out.addAll(harness.extractOutputValues());
        harness.close();
        return out;
    }

    @Test
    void eachKeysFirstRowIsEmittedOnceAndARestoredRunMatchesARunWithoutFailure() throws Exception {
        List<Row> expected = List.of(Row.of("a", 1, 1L), Row.of("b", 2, 1L), Row.of("c", 4, 1L));
        assertEquals(expected, run(false));
        assertEquals(expected, run(true));
    }
}
