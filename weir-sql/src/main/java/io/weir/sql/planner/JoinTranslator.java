package io.weir.sql.planner;

import io.weir.api.datastream.ConnectedStreams;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.join.IntervalBounds;
import io.weir.sql.runtime.join.JoinKeyProjection;
import io.weir.sql.runtime.join.JoinSpec;
import io.weir.sql.runtime.join.SemiAntiJoinFunction;
import io.weir.sql.runtime.join.StreamingJoinFunction;
import io.weir.sql.runtime.join.WindowJoinFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a regular {@link Join} (inner, left, right, full) into a {@link StreamingJoinFunction}
 * (semi and anti joins, from {@code IN}/{@code EXISTS}, into a {@link SemiAntiJoinFunction})
 * over both inputs keyed by the equi-join key. Conditions that are not equalities between the two
 * inputs are compiled into a residual check on the joined row. A join without any equality runs
 * on one key (all rows meet in one subtask), as in Flink. An inner join of append-only inputs
 * whose condition bounds one rowtime by the other is an interval join ({@link IntervalJoins}): the
 * watermark drops its stored rows. A join of two inputs carrying window bounds
 * ({@link WindowBounds}) on both bounds is a window join ({@link WindowJoinFunction}).
 */
final class JoinTranslator {

    private JoinTranslator() {
    }

    static ChangelogStream translate(Join join, ChangelogStream left, ChangelogStream right, Duration stateTtl) {
        JoinRelType type = join.getJoinType();
        if (type == JoinRelType.ASOF || type == JoinRelType.LEFT_ASOF) {
            throw StatementPlaces.error(Subject.join(null), "The query needs an " + type + " join, which Weir's SQL runtime cannot run; "
                    + "write it as a JOIN. Plan:\n" + StreamPlanTranslator.explain(join));
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
        RowTypeInfo keyType = widenedKeyType(RowTypes.of(leftType, toArray(leftKeys)), widenings);
        ConnectedStreams<Row, Row> connected = left.rows().connect(right.rows());
        KeyedInputs keyed = new KeyedInputs(connected, new JoinKeyProjection(toArray(leftKeys), widenings),
                new JoinKeyProjection(toArray(rightKeys), widenings), keyType);
        WindowBounds leftBounds = WindowBounds.of(join.getLeft());
        WindowBounds rightBounds = WindowBounds.of(join.getRight());
        if (leftBounds != null && rightBounds != null && joinsOn(leftKeys, rightKeys, leftBounds, rightBounds)) {
            if (!java.util.Objects.equals(leftBounds.zone(), rightBounds.zone())) {
                throw StatementPlaces.error(Subject.join(null), "A window join needs windows of the same kind of time on both sides, "
                        + "but one side's windows are over a TIMESTAMP_LTZ rowtime (wall times in the session time zone) "
                        + "and the other's over a TIMESTAMP one; CAST one side's time column to the other's type");
            }
            return windowJoin(join, left, right, keyed, new WindowJoinFunction.Spec(windowJoinType(type),
                    leftBounds.end(), rightBounds.end(), RowTypes.of(leftType), RowTypes.of(rightType), nullRejecting,
                    residualCode == null ? null : residualCode.name(),
                    residualCode == null ? null : residualCode.source()), leftBounds.zone());
        }
        boolean appendOnlyInputs = left.mode().isInsertOnly() && right.mode().isInsertOnly();
        IntervalBounds interval = type == JoinRelType.INNER && appendOnlyInputs
                ? IntervalJoins.bounds(join, nonEquiConditions) : null;
        JoinSpec spec = new JoinSpec(type == JoinRelType.LEFT || type == JoinRelType.FULL,
                type == JoinRelType.RIGHT || type == JoinRelType.FULL, RowTypes.of(leftType), RowTypes.of(rightType),
                nullRejecting, residualCode == null ? null : residualCode.name(),
                residualCode == null ? null : residualCode.source(), stateTtl, interval);
        return regularJoin(join, keyed, spec, appendOnlyInputs);
    }

    /** A regular, interval, semi or anti join: a changelog unless both inputs are append-only. */
    private static ChangelogStream regularJoin(Join join, KeyedInputs keyed, JoinSpec spec, boolean appendOnlyInputs) {
        JoinRelType type = join.getJoinType();
        boolean semiOrAnti = type == JoinRelType.SEMI || type == JoinRelType.ANTI;
        DataStream<Row> rows = keyed.process(semiOrAnti ? new SemiAntiJoinFunction(spec, type == JoinRelType.ANTI)
                : new StreamingJoinFunction(spec), RowTypes.of(join.getRowType()))
                .name(spec.interval() != null ? "IntervalJoin" : type == JoinRelType.INNER ? "Join"
                        : StreamPlanTranslator.capitalized(type) + (semiOrAnti ? "Join" : "OuterJoin"));
        if (appendOnlyInputs && (type == JoinRelType.INNER || type == JoinRelType.SEMI)) {
            return ChangelogStream.appendOnly(rows);
        }
        return new ChangelogStream(rows, ChangelogMode.of(EnumSet.of(RowKind.INSERT, RowKind.DELETE)),
                StreamPlanTranslator.describe(join));
    }

    /** Both inputs keyed by the join key, before the join's function is chosen. */
    private record KeyedInputs(ConnectedStreams<Row, Row> inputs, JoinKeyProjection leftKey,
            JoinKeyProjection rightKey, RowTypeInfo keyType) {

        SingleOutputStreamOperator<Row> process(KeyedCoProcessFunction<Row, Row, Row, Row> function,
                RowTypeInfo outputType) {
            return inputs.keyBy(leftKey, rightKey, keyType).process(function, outputType);
        }
    }

    /** Whether the equi-keys pair the left window's start and end with the right window's. */
    private static boolean joinsOn(List<Integer> leftKeys, List<Integer> rightKeys, WindowBounds left,
            WindowBounds right) {
        boolean starts = false;
        boolean ends = false;
        for (int i = 0; i < leftKeys.size(); i++) {
            starts |= leftKeys.get(i) == left.start() && rightKeys.get(i) == right.start();
            ends |= leftKeys.get(i) == left.end() && rightKeys.get(i) == right.end();
        }
        return starts && ends;
    }

    /**
     * A window join: both inputs carry window bounds and are joined on them, so each window's rows
     * are complete when the watermark passes its end; the window is joined then and forgotten, and
     * the result is append-only.
     */
    private static ChangelogStream windowJoin(Join join, ChangelogStream left, ChangelogStream right,
            KeyedInputs keyed, WindowJoinFunction.Spec spec, java.time.ZoneId zone) {
        for (ChangelogStream input : List.of(left, right)) {
            if (!input.mode().isInsertOnly()) {
                throw StatementPlaces.error(Subject.join(join.getJoinType().name()), "A window join needs append-only inputs, but an input has updates from "
                        + input.updatingNode() + "; join the windows of the rows before they are updated, or use a "
                        + "regular JOIN");
            }
        }
        String name = spec.type() == WindowJoinFunction.Type.INNER ? "WindowJoin"
                : "Window" + StreamPlanTranslator.capitalized(join.getJoinType())
                        + (spec.type().ordinal() > WindowJoinFunction.Type.FULL.ordinal() ? "Join" : "OuterJoin");
        return ChangelogStream.appendOnly(keyed.process(new WindowJoinFunction(spec, zone), RowTypes.of(join.getRowType()))
                .name(name));
    }

    private static WindowJoinFunction.Type windowJoinType(JoinRelType type) {
        return switch (type) {
            case INNER -> WindowJoinFunction.Type.INNER;
            case LEFT -> WindowJoinFunction.Type.LEFT;
            case RIGHT -> WindowJoinFunction.Type.RIGHT;
            case FULL -> WindowJoinFunction.Type.FULL;
            case SEMI -> WindowJoinFunction.Type.SEMI;
            case ANTI -> WindowJoinFunction.Type.ANTI;
            default -> throw StatementPlaces.error(Subject.join(type.name()), "A " + type + " window join cannot run in Weir; "
                    + "window joins are INNER, LEFT, RIGHT, FULL, or IN/EXISTS subqueries (semi and anti joins)");
        };
    }

    /** The check of the condition left after the equi-keys, on the joined row; null when there is none. */
    private static CalcCodeGenerator.GeneratedClass residualCode(Join join, RexNode residual) {
        return residualCode(join.getLeft(), join.getRight(), residual);
    }

    /** The check of {@code residual} on a joined row: {@code left}'s fields, then {@code right}'s; null when there is none. */
    static CalcCodeGenerator.GeneratedClass residualCode(RelNode left, RelNode right, RexNode residual) {
        if (residual == null || residual.isAlwaysTrue()) {
            return null;
        }
        RexBuilder rexBuilder = left.getCluster().getRexBuilder();
        // The joined row is the left fields, then the right fields (a semi or anti join's own row type
        // has the left fields only).
        RelDataType joined = SqlValidatorUtil.createJoinType(rexBuilder.getTypeFactory(), left.getRowType(),
                right.getRowType(), null, List.of());
        RexProgram program = RexProgram.create(joined, List.of(), residual,
                rexBuilder.getTypeFactory().createStructType(List.of(), List.of()), rexBuilder);
        CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generate(program, rexBuilder,
                io.weir.sql.codegen.SessionTimeZone.of(left.getCluster()));
        CompiledCalc.compile(generated.name(), generated.source());
        return generated;
    }

    /** How a key pair of these types is compared: both widened to one type, or an error naming {@code join}'s plan. */
    static JoinKeyProjection.Widening widening(RelDataType left, RelDataType right, RelNode join) {
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
        throw StatementPlaces.error(Subject.join(null), "Join keys of types " + left.getFullTypeString() + " and "
                + right.getFullTypeString() + " cannot be compared; CAST one side to the other's type. Plan:\n"
                + StreamPlanTranslator.explain(join));
    }

    static RowTypeInfo widenedKeyType(RowTypeInfo keyType, JoinKeyProjection.Widening[] widenings) {
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

    static int[] toArray(List<Integer> fields) {
        return fields.stream().mapToInt(Integer::intValue).toArray();
    }
}
