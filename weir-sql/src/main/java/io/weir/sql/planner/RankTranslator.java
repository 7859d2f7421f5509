package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.rank.LocalRankFilter;
import io.weir.sql.runtime.rank.ProcTimeKeepFirstRowFunction;
import io.weir.sql.runtime.rank.RankFunction;
import io.weir.sql.runtime.rank.RankKind;
import io.weir.sql.runtime.rank.WindowRankFunction;
import io.weir.sql.runtime.rank.RowOrder;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates Top-N and deduplication: a filter on a row number,
 * {@code WHERE rn <= N} ({@code rn < N}, {@code rn = 1}), over
 * {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)} becomes a {@link RankFunction} keyed by
 * the partition; the filter and projection above it then run as an ordinary Calc. When the
 * partition holds both bounds of a window ({@link WindowBounds}) it is a window Top-N or window
 * deduplication instead ({@link WindowRankFunction}, append-only). Both also take {@code RANK()}
 * and {@code DENSE_RANK()}. Without {@code PARTITION BY} all rows are ranked in one subtask, after a
 * local Top-N in each input subtask when the input is append-only ({@link #locallyRanked}). Other OVER windows are OVER aggregates ({@link OverAggregateTranslator}).
 */
final class RankTranslator {

    private RankTranslator() {
    }

    /** Whether {@code calc} filters a row number (or rank) computed by the window below it. */
    static boolean isRank(LogicalCalc calc) {
        return calc.getInput() instanceof LogicalWindow window && rankKind(window) != null
                && limit(calc, window.getInput().getRowType().getFieldCount()) > 0;
    }

    /** The Top-N's rows (the window's input fields, then the row number), before the Calc above it. */
    static ChangelogStream translate(LogicalCalc calc, ChangelogStream input, Duration stateTtl) {
        LogicalWindow window = (LogicalWindow) calc.getInput();
        Window.Group group = window.groups.get(0);
        int[] partition = group.keys.toArray();
        List<RelFieldCollation> collations = group.orderKeys.getFieldCollations();
        long limit = limit(calc, window.getInput().getRowType().getFieldCount());
        RowOrder order = RowOrders.of(collations);
        WindowBounds bounds = WindowBounds.inKeys(window.getInput(), partition);
        if (bounds != null) {
            return windowRank(window, input, partition, order, limit);
        }
        if (limit == 1 && rankKind(window) == RankKind.ROW_NUMBER && collations.size() == 1
                && !collations.get(0).getDirection().isDescending() && input.mode().isInsertOnly()
                && TemporalTables.timeAttribute(window.getInput(), collations.get(0).getFieldIndex())
                        == io.weir.sql.types.LogicalType.TimeAttribute.PROCTIME) {
            // Keep-first deduplication on processing time: append-only, as in Flink.
            DataStream<Row> first = input.rows()
                    .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                    .process(new ProcTimeKeepFirstRowFunction(stateTtl), RowTypes.of(window.getRowType()))
                    .name("ProcTimeDeduplicate");
            return ChangelogStream.appendOnly(first);
        }
        RankFunction.Spec spec = new RankFunction.Spec(order, rankKind(window), limit,
                input.mode().isInsertOnly(), RowTypes.of(window.getInput().getRowType()), stateTtl);
        DataStream<Row> source = partition.length == 0
                ? locallyRanked(input, order, rankKind(window), limit, window.getInput().getRowType())
                : input.rows();
        DataStream<Row> rows = source
                .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                .process(new RankFunction(spec), RowTypes.of(window.getRowType()))
                .name(limit == 1 ? "Deduplicate" : "Rank");
        return new ChangelogStream(rows, ChangelogMode.all(), StreamPlanTranslator.describe(window));
    }

    /**
     * The input of a Top-N without {@code PARTITION BY}, which ranks all rows in one subtask: for
     * append-only input each input subtask first drops the rows that are not within its own first
     * N ({@link LocalRankFilter}), so the one subtask sees a trickle instead of every row. With
     * updates the input is passed on as it is (a retraction can let any row back in).
     */
    static DataStream<Row> locallyRanked(ChangelogStream input, RowOrder order, RankKind kind, long limit,
            RelDataType rowType) {
        if (!input.mode().isInsertOnly()) {
            return input.rows();
        }
        return input.rows().flatMap(new LocalRankFilter(order, kind, limit), RowTypes.of(rowType))
                .setParallelism(input.rows().getParallelism()).name("LocalRank");
    }

    /**
     * A window Top-N or window deduplication: the partition holds both bounds of a window, so the
     * window's rows are complete when the watermark passes its end. Its operator emits each window's
     * first N rows then, append-only, and forgets the window.
     */
    private static ChangelogStream windowRank(LogicalWindow window, ChangelogStream input, int[] partition,
            RowOrder order, long limit) {
        if (!input.mode().isInsertOnly()) {
            throw StatementPlaces.error(Subject.call("ROW_NUMBER"), "A window Top-N needs append-only input, but its input has updates from "
                    + input.updatingNode() + "; rank the window's rows before they are updated, or use a regular Top-N "
                    + "(ROW_NUMBER() OVER without window_start/window_end)");
        }
        WindowBounds inputBounds = WindowBounds.of(window.getInput());
        WindowRankFunction.Spec spec = new WindowRankFunction.Spec(order, rankKind(window), limit, inputBounds.end(),
                RowTypes.of(window.getInput().getRowType()));
        DataStream<Row> rows = input.rows()
                .keyBy(new KeyProjection(partition), RowTypes.of(window.getInput().getRowType(), partition))
                .process(new WindowRankFunction(spec, inputBounds.zone()), RowTypes.of(window.getRowType()))
                .name(limit == 1 ? "WindowDeduplicate" : "WindowRank");
        return ChangelogStream.appendOnly(rows);
    }

    /**
     * ROW_NUMBER, RANK or DENSE_RANK over one partition and order, from the partition's start to the
     * current row; null for any other window.
     */
    private static RankKind rankKind(LogicalWindow window) {
        if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1
                || window.groups.get(0).orderKeys.getFieldCollations().isEmpty()) {
            return null;
        }
        return switch (window.groups.get(0).aggCalls.get(0).getOperator().getKind()) {
            case ROW_NUMBER -> RankKind.ROW_NUMBER;
            case RANK -> RankKind.RANK;
            case DENSE_RANK -> RankKind.DENSE_RANK;
            default -> null;
        };
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
}
