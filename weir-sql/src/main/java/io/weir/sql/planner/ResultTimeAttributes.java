package io.weir.sql.planner;

import io.weir.sql.types.LogicalType.TimeAttribute;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Which columns of a query's result are time attributes, for the schema of a view or a query result
 * (what DESCRIBE and {@code printSchema()} show as {@code TIMESTAMP(3) *ROWTIME*} or
 * {@code TIMESTAMP_LTZ(3) *PROCTIME*}), following Flink's rules, read on the plan as the query was
 * converted (before optimisation):
 *
 * <ul>
 * <li>a table's rowtime column (declared with {@code WATERMARK FOR}) and processing-time column
 *     ({@code AS PROCTIME()}) stay time attributes when selected, filtered or unioned (with the same kind
 *     of attribute from every input); {@code PROCTIME()} selected anywhere is one;</li>
 * <li>a legacy window's {@code TUMBLE_ROWTIME} (and HOP's, SESSION's) is a rowtime, its
 *     {@code TUMBLE_PROCTIME} a processing time;</li>
 * <li>a window table function's {@code window_time} is the kind of time its {@code DESCRIPTOR} names,
 *     also after a window aggregate that groups by it, while the descriptor's column itself becomes a
 *     plain timestamp, as in Flink;</li>
 * <li>anything computed from a time attribute (a CAST, arithmetic), a regular aggregate's keys and the
 *     columns of joins are plain timestamps (Flink keeps an interval join's and a temporal join's; Weir
 *     shows them without the marker).</li>
 * </ul>
 * Planning does not read these markers: it finds time attributes on the plan itself.
 */
public final class ResultTimeAttributes {

    private ResultTimeAttributes() {
    }

    /** The time attribute of each column of {@code root}'s result, in its order. */
    public static List<TimeAttribute> of(RelRoot root) {
        List<TimeAttribute> attributes = new ArrayList<>();
        for (var field : root.fields) {
            attributes.add(of(root.rel, field.getKey()));
        }
        return attributes;
    }

    /** The time attribute field {@code field} of {@code node} is, or NONE. */
    static TimeAttribute of(RelNode node, int field) {
        if (node instanceof Project project) {
            return ofExpression(project.getInput(), project.getProjects().get(field));
        }
        if (node instanceof LogicalCalc calc) {
            RexNode projected = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
            return ofExpression(calc.getInput(), projected);
        }
        if (node instanceof Filter filter) {
            return of(filter.getInput(), field);
        }
        if (node instanceof Union union && union.all) {
            TimeAttribute first = of(union.getInput(0), field);
            for (RelNode input : union.getInputs()) {
                if (of(input, field) != first) {
                    return TimeAttribute.NONE;
                }
            }
            return first;
        }
        if (node instanceof LogicalTableScan) {
            return TemporalTables.timeAttribute(node, field);
        }
        if (node instanceof LogicalTableFunctionScan scan && StreamPlanTranslator.isWindowFunction(scan)) {
            return windowTime(scan, field);
        }
        if (node instanceof Aggregate aggregate && field < aggregate.getGroupCount()) {
            // A window aggregate (grouping by window_start and window_end) passes on window_time when it
            // groups by it; a regular aggregate's keys are plain values.
            int[] keys = aggregate.getGroupSet().toArray();
            boolean start = false;
            boolean end = false;
            for (int key : keys) {
                start |= windowColumn(aggregate.getInput(), key) == WINDOW_START;
                end |= windowColumn(aggregate.getInput(), key) == WINDOW_END;
            }
            return start && end && windowColumn(aggregate.getInput(), keys[field]) == WINDOW_TIME
                    ? of(aggregate.getInput(), keys[field]) : TimeAttribute.NONE;
        }
        return TimeAttribute.NONE;
    }

    private static TimeAttribute ofExpression(RelNode input, RexNode expression) {
        if (expression instanceof RexInputRef ref) {
            return of(input, ref.getIndex());
        }
        if (expression instanceof RexCall call && call.getOperator().getName().equals(ProctimeFunction.NAME)) {
            return TimeAttribute.PROCTIME;
        }
        if (expression instanceof RexCall call && call.getOperator().getName().equals(WindowTimeFunctions.WINDOW_ROWTIME)) {
            return TimeAttribute.ROWTIME;
        }
        return TimeAttribute.NONE;
    }

    /**
     * A window table function's field: {@code window_time} (its last) is the kind of time its
     * descriptor names; the input's columns pass through as plain values (the descriptor's column too),
     * and so do {@code window_start} and {@code window_end}.
     */
    private static TimeAttribute windowTime(LogicalTableFunctionScan scan, int field) {
        if (field != scan.getRowType().getFieldCount() - 1 || scan.getInputs().size() != 1) {
            return TimeAttribute.NONE;
        }
        RexNode descriptor = ((RexCall) scan.getCall()).getOperands().get(0);
        if (descriptor instanceof RexCall call && !call.getOperands().isEmpty()
                && call.getOperands().get(0) instanceof RexInputRef time) {
            return of(scan.getInputs().get(0), time.getIndex());
        }
        return TimeAttribute.NONE;
    }

    private static final int WINDOW_START = 3;
    private static final int WINDOW_END = 2;
    private static final int WINDOW_TIME = 1;

    /**
     * Which of a window table function's columns field {@code field} of {@code node} is, read through
     * projections, filters and aggregate keys: {@link #WINDOW_START}, {@link #WINDOW_END},
     * {@link #WINDOW_TIME}, or 0 for none.
     */
    private static int windowColumn(RelNode node, int field) {
        if (node instanceof Project project) {
            return project.getProjects().get(field) instanceof RexInputRef ref ? windowColumn(project.getInput(), ref.getIndex()) : 0;
        }
        if (node instanceof LogicalCalc calc) {
            return calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field)) instanceof RexInputRef ref
                    ? windowColumn(calc.getInput(), ref.getIndex()) : 0;
        }
        if (node instanceof Filter filter) {
            return windowColumn(filter.getInput(), field);
        }
        if (node instanceof Aggregate aggregate) {
            return field < aggregate.getGroupCount() ? windowColumn(aggregate.getInput(), aggregate.getGroupSet().toArray()[field]) : 0;
        }
        if (node instanceof LogicalTableFunctionScan scan && StreamPlanTranslator.isWindowFunction(scan)) {
            int fromEnd = scan.getRowType().getFieldCount() - field;
            return fromEnd <= 3 ? fromEnd : 0;
        }
        return 0;
    }
}
