package io.weir.sql.planner;

import io.weir.sql.runtime.window.SliceAssigner;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A window aggregate that can run sliced ({@code SlicedWindowAggregateFunction}): it groups by
 * {@code window_start} and {@code window_end} of a TUMBLE, HOP or CUMULATE window table function
 * directly below it (through at most one projection/filter), and uses the window columns for
 * nothing else, so the window function can give each row its slice instead of its windows. Whether
 * its aggregates merge is checked by the caller.
 *
 * @param scan the window table function
 * @param calc the projection/filter between it and the aggregate, or null
 * @param timeField the time field of the window function's input
 * @param bounds the positions of {@code window_start} and {@code window_end} among the aggregate's keys
 */
record WindowSlicing(LogicalTableFunctionScan scan, LogicalCalc calc, SliceAssigner slices, int timeField,
        WindowBounds bounds) {

    /** The slicing of {@code aggregate}, or null if it must run unsliced. */
    static WindowSlicing of(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            return null;
        }
        RelNode input = aggregate.getInput();
        LogicalCalc calc = input instanceof LogicalCalc c ? c : null;
        if (!((calc == null ? input : calc.getInput()) instanceof LogicalTableFunctionScan scan)
                || !StreamPlanTranslator.isWindowFunction(scan)) {
            return null;
        }
        RexCall call = (RexCall) scan.getCall();
        String name = call.getOperator().getName();
        List<RexNode> operands = call.getOperands();
        if (name.equals("SESSION") || operands.size() > (name.equals("TUMBLE") ? 2 : 3)) {
            return null; // SESSION windows are not aligned; a window offset is not sliced
        }
        Long first = millis(operands.get(1));
        Long size = operands.size() > 2 ? millis(operands.get(2)) : first;
        if (first == null || size == null || first <= 0 || size <= 0) {
            return null;
        }
        WindowTableFunction.Kind kind = WindowTableFunction.Kind.valueOf(name);
        if (kind == WindowTableFunction.Kind.CUMULATE && size % first != 0) {
            return null;
        }
        int[] keys = aggregate.getGroupSet().toArray();
        WindowBounds bounds = WindowBounds.inKeys(input, keys);
        if (bounds == null || !windowColumnsOnlyGrouped(aggregate, calc, scan, keys[bounds.start()],
                keys[bounds.end()])) {
            return null;
        }
        int timeField = ((RexInputRef) ((RexCall) operands.get(0)).getOperands().get(0)).getIndex();
        return new WindowSlicing(scan, calc, new SliceAssigner(kind, size, first), timeField, bounds);
    }

    /**
     * Whether the window columns reach the aggregate only as its {@code window_start} and
     * {@code window_end} keys (fields {@code startField} and {@code endField} of its input): sliced,
     * they hold the slice's bounds, which nothing else may see.
     */
    private static boolean windowColumnsOnlyGrouped(Aggregate aggregate, LogicalCalc calc,
            LogicalTableFunctionScan scan, int startField, int endField) {
        int windowColumns = scan.getRowType().getFieldCount() - 3;
        ImmutableBitSet window = ImmutableBitSet.range(windowColumns, windowColumns + 3);
        ImmutableBitSet windowed; // the aggregate's input fields that carry window columns
        if (calc == null) {
            windowed = window;
        } else {
            var program = calc.getProgram();
            if (program.getCondition() != null
                    && RelOptUtil.InputFinder.bits(program.expandLocalRef(program.getCondition())).intersects(window)) {
                return false;
            }
            ImmutableBitSet.Builder fields = ImmutableBitSet.builder();
            for (int i = 0; i < program.getProjectList().size(); i++) {
                RexNode projected = program.expandLocalRef(program.getProjectList().get(i));
                if (RelOptUtil.InputFinder.bits(projected).intersects(window)) {
                    if (!(projected instanceof RexInputRef)) {
                        return false;
                    }
                    fields.set(i);
                }
            }
            windowed = fields.build();
        }
        for (int key : aggregate.getGroupSet()) {
            if (windowed.get(key) && key != startField && key != endField) {
                return false;
            }
        }
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.filterArg >= 0 && windowed.get(call.filterArg)
                    || call.getArgList().stream().anyMatch(windowed::get)) {
                return false;
            }
        }
        return true;
    }

    private static Long millis(RexNode node) {
        return node instanceof RexLiteral literal ? literal.getValueAs(Long.class) : null;
    }

    /** The aggregate's grouping fields other than the window bounds, in order: the sliced aggregate's key. */
    int[] otherKeys(int[] keys) {
        int[] others = new int[keys.length - 2];
        for (int k = 0, o = 0; k < keys.length; k++) {
            if (k != bounds.start() && k != bounds.end()) {
                others[o++] = keys[k];
            }
        }
        return others;
    }
}
