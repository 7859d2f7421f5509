package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.window.OverAggregateFunction;
import io.weir.sql.runtime.window.ProcTimeOverAggregateFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

/**
 * Translates an OVER aggregate ({@code agg(x) OVER (PARTITION BY k ORDER BY rowtime ROWS|RANGE
 * BETWEEN ... PRECEDING AND CURRENT ROW)}) that is not a Top-N into an {@link OverAggregateFunction}
 * keyed by the partition. As in Flink's streaming mode, the order must be the input's rowtime,
 * ascending, the frame must end at the current row, and all OVER aggregates of a select list must
 * share one window; other windows are refused with a message saying so.
 */
final class OverAggregateTranslator {

    private OverAggregateTranslator() {
    }

    static ChangelogStream translate(LogicalWindow window, ChangelogStream input) {
        if (window.groups.size() != 1) {
            // Flink's streaming planner refuses several windows in one OVER aggregate with this sentence too.
            throw refused(window, "All aggregates must be computed on the same window. The OVER aggregates of one "
                    + "select list must share PARTITION BY, ORDER BY and frame, as in Flink; compute the others in a "
                    + "sub-query of their own and join the results");
        }
        Window.Group group = window.groups.get(0);
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
                    AggregateTranslator.accumulators(group.getAggregateCalls(window), window.getInput().getRowType(), false),
                    group.isRows, preceding(window, group.lowerBound, group.isRows),
                    RowTypes.of(window.getInput().getRowType()));
            return ChangelogStream.appendOnly(input.rows()
                    .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                    .process(new ProcTimeOverAggregateFunction(spec), RowTypes.of(window.getRowType()))
                    .name("ProcTimeOverAggregate"));
        }
        OverAggregateFunction.Spec spec = new OverAggregateFunction.Spec(
                AggregateTranslator.accumulators(group.getAggregateCalls(window), window.getInput().getRowType(), false),
                order.get(0).getFieldIndex(), group.isRows, preceding(window, group.lowerBound, group.isRows),
                RowTypes.of(window.getInput().getRowType()));
        DataStream<Row> rows = input.rows()
                .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                .process(new OverAggregateFunction(spec), RowTypes.of(window.getRowType()))
                .name("OverAggregate");
        return ChangelogStream.appendOnly(rows);
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

    private static ValidationException refused(LogicalWindow window, String why) {
        return StatementPlaces.error(Subject.call("OVER"), "This OVER window cannot run: " + why + ". Plan:\n"
                + StreamPlanTranslator.explain(window));
    }
}
