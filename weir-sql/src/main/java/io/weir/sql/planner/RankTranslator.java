package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.rank.RankFunction;
import io.weir.sql.runtime.rank.RowOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates Top-N and deduplication: a filter on a row number,
 * {@code WHERE rn <= N} ({@code rn < N}, {@code rn = 1}), over
 * {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)} becomes a {@link RankFunction} keyed by
 * the partition; the filter and projection above it then run as an ordinary Calc. Other OVER
 * aggregates are refused with a message.
 */
final class RankTranslator {

    private RankTranslator() {
    }

    /** Whether {@code calc} filters a row number computed by the window below it. */
    static boolean isRank(LogicalCalc calc) {
        return calc.getInput() instanceof LogicalWindow window && isRowNumber(window)
                && limit(calc, window.getInput().getRowType().getFieldCount()) > 0;
    }

    /** The Top-N's rows (the window's input fields, then the row number), before the Calc above it. */
    static ChangelogStream translate(LogicalCalc calc, ChangelogStream input, Duration stateTtl) {
        LogicalWindow window = (LogicalWindow) calc.getInput();
        Window.Group group = window.groups.get(0);
        int[] partition = group.keys.toArray();
        List<RelFieldCollation> collations = group.orderKeys.getFieldCollations();
        int[] fields = new int[collations.size()];
        boolean[] descending = new boolean[fields.length];
        boolean[] nullsFirst = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            RelFieldCollation collation = collations.get(i);
            fields[i] = collation.getFieldIndex();
            descending[i] = collation.getDirection().isDescending();
            nullsFirst[i] = collation.nullDirection == RelFieldCollation.NullDirection.FIRST;
        }
        long limit = limit(calc, window.getInput().getRowType().getFieldCount());
        RankFunction.Spec spec = new RankFunction.Spec(new RowOrder(fields, descending, nullsFirst), limit,
                input.mode().isInsertOnly(), RowTypes.of(window.getInput().getRowType()), stateTtl);
        DataStream<Row> rows = input.rows()
                .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                .process(new RankFunction(spec), RowTypes.of(window.getRowType()))
                .name(limit == 1 ? "Deduplicate" : "Rank");
        return new ChangelogStream(rows, ChangelogMode.all(), StreamPlanTranslator.describe(window));
    }

    /** ROW_NUMBER over one partition and order, from the partition's start to the current row. */
    private static boolean isRowNumber(LogicalWindow window) {
        if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1) {
            return false;
        }
        Window.Group group = window.groups.get(0);
        return group.aggCalls.get(0).getOperator().getKind() == SqlKind.ROW_NUMBER
                && !group.orderKeys.getFieldCollations().isEmpty();
    }

    /**
     * N of a condition {@code rn <= N}, {@code rn < N + 1} or {@code rn = 1} on the row number
     * (field {@code rowNumber} of the Calc's input) among the condition's conjunctions; 0 if none.
     */
    private static long limit(LogicalCalc calc, int rowNumber) {
        RexProgram program = calc.getProgram();
        if (program.getCondition() == null) {
            return 0;
        }
        RexNode condition = RexUtil.expandSearch(calc.getCluster().getRexBuilder(), null,
                program.expandLocalRef(program.getCondition()));
        for (RexNode conjunction : RelOptUtil.conjunctions(condition)) {
            if (!(conjunction instanceof RexCall call) || call.getOperands().size() != 2
                    || !(call.getOperands().get(0) instanceof RexInputRef ref) || ref.getIndex() != rowNumber
                    || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
                continue;
            }
            long value = literal.getValueAs(BigDecimal.class).longValue();
            switch (call.getKind()) {
                case LESS_THAN_OR_EQUAL:
                    return value;
                case LESS_THAN:
                    return value - 1;
                case EQUALS:
                    if (value == 1) {
                        return 1;
                    }
                    break;
                default:
                    break;
            }
        }
        return 0;
    }

    /** A window that is not a Top-N: refused, naming what runs instead. */
    static ValidationException unsupported(LogicalWindow window) {
        return new ValidationException("OVER windows run in Weir only as Top-N or deduplication: ROW_NUMBER() OVER "
                + "(PARTITION BY ... ORDER BY ...) AS rn in a subquery, filtered by WHERE rn <= N (or rn = 1) outside "
                + "it. Plan:\n" + StreamPlanTranslator.explain(window));
    }
}
