package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.ValidationException;
import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.join.IntervalBounds;
import io.weir.sql.runtime.join.JoinKeyProjection;
import io.weir.sql.runtime.join.JoinSpec;
import io.weir.sql.runtime.join.StreamingJoinFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a regular {@link Join} (inner, left, right, full) into a {@link StreamingJoinFunction}
 * over both inputs keyed by the equi-join key. Conditions that are not equalities between the two
 * inputs are compiled into a residual check on the joined row. A join without any equality runs
 * on one key (all rows meet in one subtask), as in Flink. An inner join of append-only inputs
 * whose condition bounds one rowtime by the other is an interval join ({@link IntervalJoins}): the
 * watermark drops its stored rows.
 */
final class JoinTranslator {

    private JoinTranslator() {
    }

    static ChangelogStream translate(Join join, ChangelogStream left, ChangelogStream right, Duration stateTtl) {
        JoinRelType type = join.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT
                && type != JoinRelType.FULL) {
            throw new ValidationException("The query needs a " + type + " join (from IN/EXISTS subqueries), which "
                    + "Weir's SQL runtime cannot run yet; write it as a JOIN. Plan:\n"
                    + StreamPlanTranslator.explain(join));
        }
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> nonEquiConditions = new ArrayList<>();
        RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(), leftKeys, rightKeys,
                filterNulls, nonEquiConditions);
        RexNode residual = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), nonEquiConditions);
        RelDataType leftType = join.getLeft().getRowType();
        RelDataType rightType = join.getRight().getRowType();
        JoinKeyProjection.Widening[] widenings = new JoinKeyProjection.Widening[leftKeys.size()];
        boolean[] nullRejecting = new boolean[leftKeys.size()];
        for (int i = 0; i < widenings.length; i++) {
            widenings[i] = widening(leftType.getFieldList().get(leftKeys.get(i)).getType(),
                    rightType.getFieldList().get(rightKeys.get(i)).getType(), join);
            nullRejecting[i] = filterNulls.get(i);
        }
        CalcCodeGenerator.GeneratedClass residualCode = residualCode(join, residual);
        boolean appendOnlyInner = type == JoinRelType.INNER && left.mode().isInsertOnly()
                && right.mode().isInsertOnly();
        IntervalBounds interval = appendOnlyInner ? IntervalJoins.bounds(join, nonEquiConditions) : null;
        JoinSpec spec = new JoinSpec(type == JoinRelType.LEFT || type == JoinRelType.FULL,
                type == JoinRelType.RIGHT || type == JoinRelType.FULL, RowTypes.of(leftType), RowTypes.of(rightType),
                nullRejecting, residualCode == null ? null : residualCode.name(),
                residualCode == null ? null : residualCode.source(), stateTtl, interval);
        RowTypeInfo keyType = RowTypes.of(leftType, leftKeys.stream().mapToInt(Integer::intValue).toArray());
        DataStream<Row> rows = left.rows().connect(right.rows())
                .keyBy(new JoinKeyProjection(toArray(leftKeys), widenings),
                        new JoinKeyProjection(toArray(rightKeys), widenings), widenedKeyType(keyType, widenings))
                .process(new StreamingJoinFunction(spec), RowTypes.of(join.getRowType()))
                .name(interval != null ? "IntervalJoin"
                        : type == JoinRelType.INNER ? "Join" : StreamPlanTranslator.capitalized(type) + "OuterJoin");
        if (appendOnlyInner) {
            return ChangelogStream.appendOnly(rows);
        }
        return new ChangelogStream(rows, ChangelogMode.of(EnumSet.of(RowKind.INSERT, RowKind.DELETE)),
                StreamPlanTranslator.describe(join));
    }

    /** The check of the condition left after the equi-keys, on the joined row; null when there is none. */
    private static CalcCodeGenerator.GeneratedClass residualCode(Join join, RexNode residual) {
        if (residual == null || residual.isAlwaysTrue()) {
            return null;
        }
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        // The joined row is the left fields, then the right fields: the join's own row type.
        RexProgram program = RexProgram.create(join.getRowType(), List.of(), residual,
                rexBuilder.getTypeFactory().createStructType(List.of(), List.of()), rexBuilder);
        CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generate(program, rexBuilder);
        CompiledCalc.compile(generated.name(), generated.source());
        return generated;
    }

    private static JoinKeyProjection.Widening widening(RelDataType left, RelDataType right, Join join) {
        SqlTypeName l = left.getSqlTypeName();
        SqlTypeName r = right.getSqlTypeName();
        if (RowTypes.fieldType(left).equals(RowTypes.fieldType(right))) {
            return JoinKeyProjection.Widening.NONE;
        }
        boolean integers = SqlTypeName.INT_TYPES.contains(l) && SqlTypeName.INT_TYPES.contains(r);
        if (integers) {
            return JoinKeyProjection.Widening.TO_LONG;
        }
        boolean numbers = SqlTypeFamily.NUMERIC.contains(left) && SqlTypeFamily.NUMERIC.contains(right);
        if (numbers && (SqlTypeName.APPROX_TYPES.contains(l) || SqlTypeName.APPROX_TYPES.contains(r))) {
            return JoinKeyProjection.Widening.TO_DOUBLE;
        }
        if (numbers) {
            return JoinKeyProjection.Widening.TO_DECIMAL;
        }
        throw new ValidationException("Join keys of types " + left.getFullTypeString() + " and "
                + right.getFullTypeString() + " cannot be compared; CAST one side to the other's type. Plan:\n"
                + StreamPlanTranslator.explain(join));
    }

    private static RowTypeInfo widenedKeyType(RowTypeInfo keyType, JoinKeyProjection.Widening[] widenings) {
        TypeInformation<?>[] types = new TypeInformation<?>[widenings.length];
        for (int i = 0; i < widenings.length; i++) {
            types[i] = switch (widenings[i]) {
                case NONE -> keyType.getTypeAt(i);
                case TO_LONG -> BasicTypeInfo.LONG_TYPE_INFO;
                case TO_DOUBLE -> BasicTypeInfo.DOUBLE_TYPE_INFO;
                case TO_DECIMAL -> BasicTypeInfo.BIG_DEC_TYPE_INFO;
            };
        }
        return new RowTypeInfo(types);
    }

    private static int[] toArray(List<Integer> fields) {
        return fields.stream().mapToInt(Integer::intValue).toArray();
    }
}
