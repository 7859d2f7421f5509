package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.window.OverAggregateFunction;
import io.weir.sql.runtime.window.ProcTimeOverAggregateFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates an OVER aggregate ({@code agg(x) OVER (PARTITION BY k ORDER BY rowtime ROWS|RANGE
 * BETWEEN ... PRECEDING AND CURRENT ROW)}) that is not a Top-N into an {@link OverAggregateFunction}
 * keyed by the partition. As in Flink's streaming mode, the order must be the input's rowtime,
 * ascending, the frame must end at the current row, and all OVER aggregates of a select list must
 * share one window; other windows are refused with a message saying so. LAG and the ranks run in it as
 * aggregates; LEAD, NTILE, CUME_DIST and PERCENT_RANK are refused in streaming mode. In BATCH mode a
 * window runs by sorting each partition once the input has ended ({@link BatchOverWindows}).
 */
final class OverAggregateTranslator {

    private OverAggregateTranslator() {
    }

    /**
     * @param batch whether the session runs in BATCH mode: then each partition is sorted once the bounded
     *     input has ended ({@link BatchOverWindows})
     */
    static ChangelogStream translate(LogicalWindow window, ChangelogStream input, boolean batch) {
        if (batch) {
            return BatchOverWindows.translate(window, input);
        }
        if (window.groups.size() != 1) {
            // Flink's streaming planner refuses several windows in one OVER aggregate with this sentence too.
            throw refused(window, "All aggregates must be computed on the same window. The OVER aggregates of one "
                    + "select list must share PARTITION BY, ORDER BY and frame, as in Flink; compute the others in a "
                    + "sub-query of their own and join the results, or run the query in BATCH mode");
        }
        Window.Group group = window.groups.get(0);
        List<AggregateCall> calls = group.getAggregateCalls(window);
        for (AggregateCall call : calls) {
            SqlKind kind = call.getAggregation().getKind();
            if (OverWindowFunctions.BATCH_ONLY.contains(kind)) {
                throw new ValidationException(OverWindowFunctions.streamingRefusal(kind));
            }
        }
        List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
        boolean processingTime = order.size() == 1 && TemporalTables.timeAttribute(window.getInput(),
                order.get(0).getFieldIndex()) == io.weir.sql.types.LogicalType.TimeAttribute.PROCTIME;
        if (order.size() != 1 || order.get(0).getDirection().isDescending()
                || !processingTime && !TableScanTranslator.isRowtime(window.getInput(), order.get(0).getFieldIndex())) {
            throw refused(window, "OVER aggregates need ORDER BY the input's rowtime column (declared with WATERMARK "
                    + "FOR) or a processing-time attribute (PROCTIME()), ascending; a Top-N needs ROW_NUMBER() OVER "
                    + "(...) filtered by WHERE rn <= N");
        }
        if (!group.upperBound.isCurrentRow()) {
            throw refused(window, "an OVER frame must end at CURRENT ROW");
        }
        if (!input.mode().isInsertOnly()) {
            throw StatementPlaces.error(Subject.call("OVER"), "An OVER aggregate needs append-only input, but its input has updates from "
                    + input.updatingNode() + "; compute the OVER aggregate over the rows before they are updated");
        }
        int[] partition = group.keys.toArray();
        if (processingTime) {
            // Rows in the order they reach the operator, timed by its clock (ProcTimeOverAggregateFunction).
            ProcTimeOverAggregateFunction.Spec spec = new ProcTimeOverAggregateFunction.Spec(
                    accumulators(window, group, calls, order.get(0).getFieldIndex()),
                    group.isRows, preceding(window, group.lowerBound, group.isRows),
                    RowTypes.of(window.getInput().getRowType()));
            return ChangelogStream.appendOnly(input.rows()
                    .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                    .process(new ProcTimeOverAggregateFunction(spec), RowTypes.of(window.getRowType()))
                    .name("ProcTimeOverAggregate"));
        }
        OverAggregateFunction.Spec spec = new OverAggregateFunction.Spec(
                accumulators(window, group, calls, order.get(0).getFieldIndex()),
                order.get(0).getFieldIndex(), group.isRows, preceding(window, group.lowerBound, group.isRows),
                RowTypes.of(window.getInput().getRowType()));
        DataStream<Row> rows = input.rows()
                .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                .process(new OverAggregateFunction(spec), RowTypes.of(window.getRowType()))
                .name("OverAggregate");
        return ChangelogStream.appendOnly(rows);
    }

    /** The calls' accumulators: LAG and the ranks as {@link OverWindowFunctions} binds them, the others as aggregates. */
    private static Accumulators accumulators(LogicalWindow window, Window.Group group, List<AggregateCall> calls,
            int orderField) {
        List<BoundAggregate> bound = new ArrayList<>();
        for (AggregateCall call : calls) {
            bound.add(OverWindowFunctions.isWindowFunction(call)
                    ? OverWindowFunctions.streamingCall(window, group, call, orderField)
                    : AggregateTranslator.accumulators(List.of(call), window.getInput().getRowType(), false)
                            .aggregates().get(0));
        }
        return new Accumulators(bound);
    }

    /** How far the frame reaches back: rows (ROWS) or ms (RANGE); -1 for UNBOUNDED PRECEDING. */
    private static long preceding(LogicalWindow window, RexWindowBound lower, boolean rows) {
        if (lower.isUnboundedPreceding()) {
            return -1;
        }
        if (lower.isCurrentRow()) {
            return 0;
        }
        if (!lower.isPreceding()) {
            throw refused(window, "an OVER frame must start at UNBOUNDED PRECEDING, n PRECEDING or CURRENT ROW");
        }
        RexNode offset = lower.getOffset();
        if (offset instanceof RexInputRef ref && ref.getIndex() >= window.getInput().getRowType().getFieldCount()) {
            offset = window.constants.get(ref.getIndex() - window.getInput().getRowType().getFieldCount());
        }
        if (!(offset instanceof RexLiteral literal)) {
            throw refused(window, "the PRECEDING bound of an OVER frame must be a constant");
        }
        return rows ? literal.getValueAs(BigDecimal.class).longValueExact() : literal.getValueAs(Long.class);
    }

    static ValidationException refused(LogicalWindow window, String why) {
        return StatementPlaces.error(Subject.call("OVER"), "This OVER window cannot run: " + why + ". Plan:\n"
                + StreamPlanTranslator.explain(window));
    }
}
