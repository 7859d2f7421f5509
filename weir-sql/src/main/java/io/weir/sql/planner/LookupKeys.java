package io.weir.sql.planner;

import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.runtime.CompiledCalc;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The keys of a lookup join, read from its condition on the joined row (probe fields, then the
 * table's): each equality {@code table.column = value} whose value uses probe fields only — a
 * column, a {@code CAST} of one, a constant — looks {@code column} up by {@code value}, as in Flink;
 * the rest of the condition is checked on each joined row.
 *
 * @param columns the table's key columns; {@code values} the probe-side expressions, in the same order
 * @param residual the rest of the condition, or null
 */
record LookupKeys(List<Integer> columns, List<RexNode> values, RexNode residual, RexBuilder rexBuilder) {

    static LookupKeys of(LogicalCorrelate correlate, RexNode joined) {
        int probeCount = correlate.getLeft().getRowType().getFieldCount();
        RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
        List<Integer> columns = new ArrayList<>();
        List<RexNode> values = new ArrayList<>();
        List<RexNode> rest = new ArrayList<>();
        for (RexNode conjunction : RelOptUtil.conjunctions(joined)) {
            if (!addKey(conjunction, probeCount, columns, values)) {
                rest.add(conjunction);
            }
        }
        return new LookupKeys(columns, values, RexUtil.composeConjunction(rexBuilder, rest, true), rexBuilder);
    }

    /** Adds {@code conjunction} as a key if it is {@code column = probe-side value} on a column not keyed yet. */
    private static boolean addKey(RexNode conjunction, int probeCount, List<Integer> columns, List<RexNode> values) {
        if (conjunction.getKind() != SqlKind.EQUALS) {
            return false;
        }
        List<RexNode> operands = ((RexCall) conjunction).getOperands();
        for (int side = 0; side < 2; side++) {
            RexNode column = operands.get(side);
            RexNode value = operands.get(1 - side);
            if (column instanceof RexInputRef ref && ref.getIndex() >= probeCount
                    && !columns.contains(ref.getIndex() - probeCount)
                    && RelOptUtil.InputFinder.bits(value).asList().stream().allMatch(i -> i < probeCount)) {
                columns.add(ref.getIndex() - probeCount);
                values.add(value);
                return true;
            }
        }
        return false;
    }

    /** The probe fields that are the key values, or null when a value is an expression (see {@link #valuesCode}). */
    int[] probeFields() {
        int[] fields = new int[values.size()];
        for (int i = 0; i < fields.length; i++) {
            if (!(values.get(i) instanceof RexInputRef ref)) {
                return null;
            }
            fields[i] = ref.getIndex();
        }
        return fields;
    }

    /** Generated code that computes the key values from a probe row of {@code probe}'s type. */
    CalcCodeGenerator.GeneratedClass valuesCode(RelNode probe) {
        RelDataType keyType = RexUtil.createStructType(rexBuilder.getTypeFactory(), values);
        RexProgram program = RexProgram.create(probe.getRowType(), values, null, keyType, rexBuilder);
        CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generate(program, rexBuilder,
                io.weir.sql.codegen.SessionTimeZone.of(probe.getCluster()));
        CompiledCalc.compile(generated.name(), generated.source());
        return generated;
    }
}
