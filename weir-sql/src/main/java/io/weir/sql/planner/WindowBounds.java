package io.weir.sql.planner;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Where a plan node's rows carry the bounds of the window they belong to: the fields holding
 * {@code window_start} and {@code window_end} as a window table function made them, read through
 * projections and filters, or as a window aggregate (one grouping by both bounds) passed them on.
 * Operators that group or partition by both bounds (window aggregates, window Top-N, window joins)
 * then know each window's rows are complete once the watermark passes its end.
 *
 * @param zone the session time zone when the bounds are wall times there (windows on a
 *     {@code TIMESTAMP_LTZ} rowtime, as Flink aligns them), whose instants fire the windows; null when
 *     the bounds are a {@code TIMESTAMP} rowtime's (or a processing time's), read as UTC
 */
record WindowBounds(int start, int end, java.time.ZoneId zone) {

    /**
     * The zone the windows of a TUMBLE, HOP or CUMULATE call are aligned in: the session time zone
     * over a {@code TIMESTAMP_LTZ} rowtime, else null (UTC).
     */
    static java.time.ZoneId wallTimeZone(LogicalTableFunctionScan scan) {
        RexNode descriptor = ((org.apache.calcite.rex.RexCall) scan.getCall()).getOperands().get(0);
        if (!(descriptor instanceof org.apache.calcite.rex.RexCall call)
                || !(call.getOperands().get(0) instanceof RexInputRef time)
                || time.getType().getSqlTypeName() != org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                || AggregateTranslator.overProcessingTime(scan)) {
            return null;
        }
        return io.weir.sql.codegen.SessionTimeZone.of(scan.getCluster());
    }

    /** The window bounds of {@code node}'s output fields, or null if it carries none. */
    static WindowBounds of(RelNode node) {
        if (node instanceof LogicalTableFunctionScan scan && StreamPlanTranslator.isWindowFunction(scan)) {
            int start = scan.getRowType().getFieldCount() - 3;
            String name = ((org.apache.calcite.rex.RexCall) scan.getCall()).getOperator().getName();
            return new WindowBounds(start, start + 1, name.equals("SESSION") ? null : wallTimeZone(scan));
        }
        if (node instanceof LogicalCalc calc) {
            WindowBounds below = of(calc.getInput());
            if (below == null) {
                return null;
            }
            int start = -1;
            int end = -1;
            var program = calc.getProgram();
            for (int i = 0; i < program.getProjectList().size(); i++) {
                RexNode projected = program.expandLocalRef(program.getProjectList().get(i));
                if (projected instanceof RexInputRef ref && ref.getIndex() == below.start() && start < 0) {
                    start = i;
                } else if (projected instanceof RexInputRef ref && ref.getIndex() == below.end() && end < 0) {
                    end = i;
                }
            }
            return start >= 0 && end >= 0 ? new WindowBounds(start, end, below.zone()) : null;
        }
        if (node instanceof Aggregate aggregate && aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
            return inKeys(aggregate.getInput(), aggregate.getGroupSet().toArray()); // an aggregate's output starts with its keys
        }
        return null;
    }

    /**
     * The positions among {@code keys} (fields of {@code input}) of both window bounds, or null if
     * the keys do not hold both.
     */
    static WindowBounds inKeys(RelNode input, int[] keys) {
        WindowBounds bounds = of(input);
        if (bounds == null) {
            return null;
        }
        int start = -1;
        int end = -1;
        for (int k = 0; k < keys.length; k++) {
            if (keys[k] == bounds.start()) {
                start = k;
            } else if (keys[k] == bounds.end()) {
                end = k;
            }
        }
        return start >= 0 && end >= 0 ? new WindowBounds(start, end, bounds.zone()) : null;
    }
}
