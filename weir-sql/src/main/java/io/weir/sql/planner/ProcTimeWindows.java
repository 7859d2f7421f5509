package io.weir.sql.planner;

import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.window.ProcTimeSessionWindowAggregateFunction;
import io.weir.sql.runtime.window.ProcTimeWindowAggregateFunction;
import io.weir.sql.runtime.window.WindowKeyLayout;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Plans the window aggregates over processing time ({@code PROCTIME()}), as Flink runs them: the
 * operator assigns each row to its windows by its own clock when the row arrives, so the window
 * fields the rows carry from before the exchange are not read. TUMBLE, HOP and CUMULATE (with an
 * offset or not) run as {@link ProcTimeWindowAggregateFunction}, SESSION as
 * {@link ProcTimeSessionWindowAggregateFunction}; both as legacy {@code GROUP BY} windows and as
 * window table functions, with or without grouping sets. The processing time is a
 * {@code TIMESTAMP_LTZ}, so the windows cut the wall time of the session time zone
 * ({@code table.local-time-zone}).
 */
final class ProcTimeWindows {

    private ProcTimeWindows() {
    }

    /**
     * A legacy group window ({@code GROUP BY TUMBLE(pt, ...)}, HOP, SESSION) over processing time: its
     * key position, and for TUMBLE/HOP its size, slide (the size for TUMBLE) and offset, for SESSION
     * its gap (and size 0).
     */
    record GroupWindow(int position, long size, long slide, long offset, long gap) {
    }

    /** The operator of a processing-time window aggregate, and the input fields it is keyed by. */
    record Plan(KeyedProcessFunction<Row, Row, Row> function, int[] keyFields, String name) {

        RowTypeInfo keyType(RowTypeInfo inputType) {
            return new RowTypeInfo(Arrays.stream(keyFields).mapToObj(inputType::getTypeAt)
                    .toArray(TypeInformation<?>[]::new));
        }
    }

    /**
     * The operator of a processing-time window aggregate.
     *
     * @param keys the input fields the aggregate groups by (after Expand: with {@code $e} last)
     * @param legacy the legacy window, or null for a window table function's
     * @param groupingSets whether Expand ran before (grouping sets): it may have nulled any key but the window's
     */
    static Plan plan(Aggregate aggregate, int[] keys, Accumulators accumulators, GroupWindow legacy, RowTypeInfo inputType,
            boolean groupingSets) {
        ZoneId zone = zone(aggregate.getCluster());
        if (legacy != null && legacy.gap() > 0) {
            WindowKeyLayout layout = new WindowKeyLayout(keys.length, legacy.position(), -1, true);
            int[] others = layout.otherKeys(keys);
            return new Plan(new ProcTimeSessionWindowAggregateFunction(accumulators, layout, others,
                    types(inputType, others), legacy.gap(), zone), others, "ProcTimeSessionWindowAggregate");
        }
        if (legacy != null) {
            WindowKeyLayout layout = new WindowKeyLayout(keys.length, legacy.position(), -1, true);
            return new Plan(new ProcTimeWindowAggregateFunction(accumulators, keys.length, legacy.position(), -1, true,
                    legacy.size(), legacy.slide(), legacy.offset()).inZone(zone), layout.otherKeys(keys),
                    "ProcTimeWindowAggregate");
        }
        WindowBounds bounds = WindowBounds.inKeys(aggregate.getInput(), aggregate.getGroupSet().toArray());
        LogicalTableFunctionScan scan = AggregateTranslator.windowFunction(aggregate.getInput());
        RexCall call = (RexCall) scan.getCall();
        String name = call.getOperator().getName();
        List<RexNode> operands = call.getOperands();
        WindowKeyLayout layout = withWindowTime(new WindowKeyLayout(keys.length, bounds.start(), bounds.end(), false),
                aggregate, scan);
        int[] others = layout.otherKeys(keys);
        if (name.equals("SESSION")) {
            if (groupingSets) {
                throw StatementPlaces.error(Subject.groupBy(), "GROUPING SETS, ROLLUP and CUBE over SESSION(TABLE ..., DESCRIPTOR(pt), gap) "
                        + "of a processing-time attribute do not run, as in Flink (a session window aggregate groups "
                        + "by exactly its PARTITION BY keys); group by window_start, window_end and the PARTITION BY "
                        + "keys, and roll up in a query over its result, or use a rowtime session");
            }
            int[] partition = partitionFields(aggregate.getInput(), scan, operands);
            return new Plan(new ProcTimeSessionWindowAggregateFunction(accumulators, layout, others,
                    types(inputType, others), millis(operands.get(1), name), zone), partition,
                    "ProcTimeSessionWindowAggregate");
        }
        int sizes = name.equals("TUMBLE") ? 1 : 2;
        long first = millis(operands.get(1), name);
        long size = sizes == 1 ? first : millis(operands.get(2), name);
        long offset = operands.size() > 1 + sizes ? millis(operands.get(1 + sizes), name) : 0;
        if (first <= 0 || size <= 0 || name.equals("CUMULATE") && size % first != 0) {
            throw StatementPlaces.error(Subject.call(name), name + "'s sizes must be positive" + (name.equals("CUMULATE")
                    ? " and its max size a multiple of its step" : "") + ", not " + first + " ms and " + size + " ms");
        }
        ProcTimeWindowAggregateFunction function = name.equals("CUMULATE")
                ? ProcTimeWindowAggregateFunction.cumulating(accumulators, keys.length, bounds.start(), bounds.end(),
                        first, size, offset)
                : new ProcTimeWindowAggregateFunction(accumulators, keys.length, bounds.start(), bounds.end(), false,
                        size, first, offset);
        if (layout.timePosition() >= 0) {
            function = function.withWindowTime(layout.timePosition(), layout.instantTime());
        }
        return new Plan(function.inZone(zone), others, "ProcTimeWindowAggregate");
    }

    /**
     * The layout with {@code window_time} among the keys where the aggregate groups by it: the
     * operator computes it from the window it assigns (the field's value from before the exchange
     * may belong to another window).
     */
    private static WindowKeyLayout withWindowTime(WindowKeyLayout layout, Aggregate aggregate,
            LogicalTableFunctionScan scan) {
        int scanField = scan.getRowType().getFieldCount() - 1;
        int field = fieldThrough(aggregate.getInput(), scan, scanField);
        int[] keys = aggregate.getGroupSet().toArray();
        for (int k = 0; field >= 0 && k < keys.length; k++) {
            if (keys[k] == field && k != layout.startPosition() && k != layout.endPosition()) {
                boolean instant = scan.getRowType().getFieldList().get(scanField).getType().getSqlTypeName()
                        == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
                return layout.withTime(k, instant);
            }
        }
        return layout;
    }

    /** Whether {@code node}'s rows come, through projections and filters, from SESSION over a processing time. */
    static boolean overProcessingTimeSession(RelNode node) {
        LogicalTableFunctionScan scan = AggregateTranslator.windowFunction(node);
        return scan != null && AggregateTranslator.overProcessingTime(node)
                && ((RexCall) scan.getCall()).getOperator().getName().equals("SESSION");
    }

    /** The session time zone, or null for UTC: the wall time processing-time windows cut. */
    static ZoneId zone(org.apache.calcite.plan.RelOptCluster cluster) {
        ZoneId zone = io.weir.sql.codegen.SessionTimeZone.of(cluster);
        return zone == null || zone.normalized().equals(ZoneOffset.UTC) ? null : zone;
    }

    /** SESSION's PARTITION BY keys as fields of the aggregate's input, which must carry them. */
    private static int[] partitionFields(RelNode input, LogicalTableFunctionScan scan, List<RexNode> operands) {
        if (operands.size() < 3) {
            return new int[0];
        }
        List<RexNode> keys = ((RexCall) operands.get(2)).getOperands();
        int[] fields = new int[keys.size()];
        for (int i = 0; i < fields.length; i++) {
            int scanField = ((RexInputRef) keys.get(i)).getIndex();
            fields[i] = fieldThrough(input, scan, scanField);
            if (fields[i] < 0) {
                throw StatementPlaces.error(Subject.call("SESSION"), "SESSION's PARTITION BY key " + scan.getRowType().getFieldNames()
                        .get(scanField) + " must reach the window aggregate over processing time: select it "
                        + "(and group by it) in the query over SESSION(TABLE ...)");
            }
        }
        return fields;
    }

    /** Where field {@code scanField} of {@code scan} is among {@code node}'s fields (through projections), or -1. */
    private static int fieldThrough(RelNode node, LogicalTableFunctionScan scan, int scanField) {
        if (node == scan) {
            return scanField;
        }
        LogicalCalc calc = (LogicalCalc) node;
        int below = fieldThrough(calc.getInput(), scan, scanField);
        for (int i = 0; below >= 0 && i < calc.getProgram().getProjectList().size(); i++) {
            RexNode projected = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(i));
            if (projected instanceof RexInputRef ref && ref.getIndex() == below) {
                return i;
            }
        }
        return -1;
    }

    private static RowTypeInfo types(RowTypeInfo inputType, int[] fields) {
        return new RowTypeInfo(Arrays.stream(fields).mapToObj(inputType::getTypeAt).toArray(TypeInformation<?>[]::new));
    }

    private static long millis(RexNode operand, String window) {
        if (operand instanceof RexLiteral literal && literal.getValueAs(Long.class) != null) {
            return literal.getValueAs(Long.class);
        }
        throw StatementPlaces.error(Subject.call(window), window + "'s sizes, gap and offset must be constant day-time intervals such as "
                + "INTERVAL '10' SECOND, not " + operand);
    }
}
