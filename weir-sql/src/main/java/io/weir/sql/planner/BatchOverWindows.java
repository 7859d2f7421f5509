package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.MapFunction;
import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.window.BatchOverFunction;
import io.weir.sql.runtime.window.BatchOverFunction.Column;
import io.weir.sql.runtime.window.BatchOverFunction.Frame;
import io.weir.sql.runtime.window.BatchOverFunction.FrameResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * BATCH mode's OVER windows, as Flink's batch planner runs them: the windows of one select list that
 * share PARTITION BY and ORDER BY (Calcite's groups, one per frame) become one {@link
 * BatchOverFunction} keyed by the partition, which sorts each partition once the bounded input has
 * ended; windows of other partitions or orders become further ones, chained, each adding its columns,
 * and the columns are put in the select list's order at the end. The ranking and offset functions read the sorted partition ({@link OverWindowFunctions}); each
 * frame's aggregates are the streaming aggregates' accumulators ({@link AggregateTranslator}) over the
 * frame: ROWS or RANGE, from UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW or n FOLLOWING to any of
 * those or UNBOUNDED FOLLOWING. A RANGE offset needs one ORDER BY column of a number or a time type.
 */
final class BatchOverWindows {

    private BatchOverWindows() {
    }

    static ChangelogStream translate(LogicalWindow window, ChangelogStream input) {
        if (!input.mode().isInsertOnly()) {
            throw new ValidationException("An OVER window needs append-only input, but its input has updates from "
                    + input.updatingNode());
        }
        // Calcite's groups by PARTITION BY and ORDER BY, in the order they first appear: one operator each
        Map<List<Object>, List<Window.Group>> stages = new LinkedHashMap<>();
        for (Window.Group group : window.groups) {
            stages.computeIfAbsent(List.of(group.keys, group.orderKeys), k -> new ArrayList<>()).add(group);
        }
        int inputFields = window.getInput().getRowType().getFieldCount();
        List<RelDataTypeField> outputFields = window.getRowType().getFieldList();
        int[] groupStart = new int[window.groups.size()]; // each group's first call in the window's output
        for (int g = 1; g < groupStart.length; g++) {
            groupStart[g] = groupStart[g - 1] + window.groups.get(g - 1).aggCalls.size();
        }
        List<RelDataTypeField> fields = new ArrayList<>(outputFields.subList(0, inputFields));
        int[] source = new int[outputFields.size()]; // where each output field is in the last operator's output
        for (int f = 0; f < inputFields; f++) {
            source[f] = f;
        }
        RelDataType rowType = window.getInput().getRowType();
        DataStream<Row> rows = input.rows();
        for (List<Window.Group> groups : stages.values()) {
            for (Window.Group group : groups) {
                int start = inputFields + groupStart[window.groups.indexOf(group)];
                for (int c = 0; c < group.aggCalls.size(); c++) {
                    source[start + c] = fields.size();
                    fields.add(outputFields.get(start + c));
                }
            }
            RelDataType stageType = window.getCluster().getTypeFactory().createStructType(fields);
            rows = sortedPartitions(window, groups, rows, rowType, stageType);
            rowType = stageType;
        }
        boolean inPlace = true;
        for (int f = 0; f < source.length; f++) {
            inPlace &= source[f] == f;
        }
        if (!inPlace) {
            rows = rows.map(new Reorder(source), RowTypes.of(window.getRowType())).setParallelism(rows.getParallelism())
                    .name("OVER windows in select order");
        }
        return ChangelogStream.appendOnly(rows);
    }

    /** One {@link BatchOverFunction} for the groups of one PARTITION BY and ORDER BY. */
    private static DataStream<Row> sortedPartitions(LogicalWindow window, List<Window.Group> groups,
            DataStream<Row> rows, RelDataType inputType, RelDataType outputType) {
        List<Column> columns = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        for (Window.Group group : groups) {
            List<BoundAggregate> aggregates = new ArrayList<>();
            for (AggregateCall call : group.getAggregateCalls(window)) {
                if (OverWindowFunctions.isWindowFunction(call)) {
                    columns.add(OverWindowFunctions.batchCall(window, call));
                } else {
                    columns.add(new FrameResult(frames.size(), aggregates.size()));
                    aggregates.add(AggregateTranslator.accumulators(List.of(call), window.getInput().getRowType(),
                            false).aggregates().get(0));
                }
            }
            if (!aggregates.isEmpty()) {
                frames.add(frame(window, group, new Accumulators(aggregates)));
            }
        }
        Window.Group first = groups.get(0);
        int[] partition = first.keys.toArray();
        BatchOverFunction.Spec spec = new BatchOverFunction.Spec(columns, frames, OverWindowFunctions.order(first),
                RowTypes.of(inputType));
        return rows.keyBy(new KeyProjection(partition), RowTypes.of(inputType, partition))
                .process(new BatchOverFunction(spec), RowTypes.of(outputType))
                .name("BatchOverWindow");
    }

    /** Puts each OVER call's result where the window's output has it. */
    private static final class Reorder implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        private final int[] source;

        Reorder(int[] source) {
            this.source = source;
        }

        @Override
        public Row map(Row in) {
            Row out = new Row(in.getKind(), source.length);
            for (int i = 0; i < source.length; i++) {
                out.setField(i, in.getField(source[i]));
            }
            return out;
        }
    }

    private static Frame frame(LogicalWindow window, Window.Group group, Accumulators accumulators) {
        BigDecimal start = distance(window, group, group.lowerBound);
        BigDecimal end = distance(window, group, group.upperBound);
        boolean offsets = start != null && start.signum() != 0 || end != null && end.signum() != 0;
        if (!group.isRows && offsets) {
            List<org.apache.calcite.rel.RelFieldCollation> order = group.orderKeys.getFieldCollations();
            SqlTypeFamily family = order.size() != 1 ? null : window.getInput().getRowType().getFieldList()
                    .get(order.get(0).getFieldIndex()).getType().getSqlTypeName().getFamily();
            if (family != SqlTypeFamily.NUMERIC && family != SqlTypeFamily.DATE && family != SqlTypeFamily.TIME
                    && family != SqlTypeFamily.TIMESTAMP) {
                throw OverAggregateTranslator.refused(window, "a RANGE frame with a PRECEDING or FOLLOWING offset "
                        + "needs ORDER BY one column of a number, DATE, TIME or TIMESTAMP type; use a ROWS frame, or "
                        + "RANGE with UNBOUNDED and CURRENT ROW bounds");
            }
        }
        return new Frame(accumulators, group.isRows, start, end);
    }

    /**
     * A frame bound as a signed distance from the current row (rows, or the ORDER BY value's units,
     * ms for a day-time interval): negative PRECEDING, 0 for CURRENT ROW, null when UNBOUNDED.
     */
    private static BigDecimal distance(LogicalWindow window, Window.Group group, RexWindowBound bound) {
        if (bound.isUnbounded()) {
            return null;
        }
        if (bound.isCurrentRow()) {
            return BigDecimal.ZERO;
        }
        RexNode offset = bound.getOffset();
        int inputFields = window.getInput().getRowType().getFieldCount();
        if (offset instanceof RexInputRef ref && ref.getIndex() >= inputFields) {
            offset = window.constants.get(ref.getIndex() - inputFields);
        }
        if (!(offset instanceof RexLiteral literal) || literal.getValueAs(BigDecimal.class) == null) {
            throw OverAggregateTranslator.refused(window, "the PRECEDING and FOLLOWING bounds of an OVER frame must "
                    + "be constants");
        }
        if (literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            throw OverAggregateTranslator.refused(window, "a RANGE frame's offset must be a number or a day-time "
                    + "interval (INTERVAL '1' DAY, INTERVAL '10' MINUTE), not a year-month interval");
        }
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value.signum() < 0) {
            throw StatementPlaces.error(Subject.call("OVER"), "An OVER frame's offset must not be negative, not "
                    + value);
        }
        if (group.isRows && value.stripTrailingZeros().scale() > 0) {
            throw OverAggregateTranslator.refused(window, "a ROWS frame's offset must be a whole number of rows");
        }
        return bound.isPreceding() ? value.negate() : value;
    }
}
