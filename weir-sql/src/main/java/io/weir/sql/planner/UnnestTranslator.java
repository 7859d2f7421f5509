package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.functions.TableAggregateFunction;
import io.weir.sql.runtime.UnnestFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates {@code CROSS JOIN UNNEST(t.c) [WITH ORDINALITY] AS u(...)} — Calcite's correlate of
 * the left input with an {@link Uncollect} of one of its columns or of an expression of its row —
 * into an {@link UnnestFunction} that runs in the left input's subtasks: a row per element, as in
 * Flink; and {@code FROM UNNEST(ARRAY[...])} of constants.
 */
final class UnnestTranslator {

    private UnnestTranslator() {
    }

    static boolean isUnnest(LogicalCorrelate correlate) {
        return correlate.getRight() instanceof Uncollect;
    }

    /**
     * The correlate of the left input with an UNNEST. A column of the left input is unnested in
     * place; another expression of the left row ({@code UNNEST(SPLIT(t.s, ','))}, {@code
     * UNNEST(ARRAY[t.a, t.b])}) is first computed into an extra last column by a Calc, which the
     * unnest then leaves out of its rows.
     */
    static ChangelogStream translate(LogicalCorrelate correlate, Function<RelNode, ChangelogStream> translator) {
        Uncollect uncollect = (Uncollect) correlate.getRight();
        if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
            throw StatementPlaces.error(Subject.call("UNNEST"), "UNNEST joins are CROSS JOIN UNNEST(...) or LEFT JOIN UNNEST(...) ON TRUE, not "
                    + correlate.getJoinType());
        }
        RexNode expression = single(uncollect, correlate);
        RelNode left = correlate.getLeft();
        int leftArity = left.getRowType().getFieldCount();
        if (expression instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable) {
            int field = access.getField().getIndex();
            if (left.getRowType().getFieldNames().get(field).equals(TableAggregateFunction.ROWS_COLUMN)) {
                return tableAggregateRows(correlate, uncollect, translator.apply(left), field, access.getType());
            }
            return unnest(correlate, uncollect, translator.apply(left), field, access.getType(), leftArity);
        }
        RexNode computed = expression.accept(new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess fieldAccess) {
                if (fieldAccess.getReferenceExpr() instanceof RexCorrelVariable variable
                        && variable.id.equals(correlate.getCorrelationId())) {
                    return new RexInputRef(fieldAccess.getField().getIndex(), fieldAccess.getType());
                }
                return super.visitFieldAccess(fieldAccess);
            }

            @Override
            public RexNode visitInputRef(RexInputRef inputRef) {
                throw StatementPlaces.error(Subject.call("UNNEST"), "UNNEST takes an expression of the joined table's columns and constants; "
                        + "this one reads another input. Plan:\n" + StreamPlanTranslator.explain(correlate));
            }
        });
        RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(left.getRowType()));
        projects.add(computed);
        List<String> names = new ArrayList<>(left.getRowType().getFieldNames());
        names.add("$unnest");
        RexProgram program = RexProgram.create(left.getRowType(), projects, null,
                rexBuilder.getTypeFactory().createStructType(projects.stream().map(RexNode::getType).toList(), names),
                rexBuilder);
        LogicalCalc withCollection = LogicalCalc.create(left, program);
        return unnest(correlate, uncollect, translator.apply(withCollection), leftArity, computed.getType(), leftArity);
    }

    /**
     * {@code FROM UNNEST(ARRAY[1, 2, 3]) AS t(x)}, with no table to join: the collection is computed
     * once from constants and its elements become the rows.
     */
    static ChangelogStream translate(Uncollect uncollect, Function<RelNode, ChangelogStream> translator) {
        RelNode input = uncollect.getInput();
        if (input.getRowType().getFieldCount() != 1) {
            throw StatementPlaces.error(Subject.call("UNNEST"), "UNNEST takes one collection, not " + input.getRowType().getFieldCount()
                    + "; unnest each in its own CROSS JOIN UNNEST(...). Plan:\n" + StreamPlanTranslator.explain(uncollect));
        }
        ChangelogStream collection = translator.apply(input);
        UnnestFunction.Spec spec = spec(uncollect, input.getRowType().getFieldList().get(0).getType(), 0, false, 0,
                UnnestFunction.TableAggregateKinds.NONE);
        DataStream<Row> rows = collection.rows();
        DataStream<Row> unnested = rows.flatMap(new UnnestFunction(spec), RowTypes.of(uncollect.getRowType()))
                .setParallelism(rows.getParallelism()).name("Unnest");
        return collection.withRows(unnested);
    }

    private static RexNode single(Uncollect uncollect, LogicalCorrelate correlate) {
        List<RexNode> expressions = expressions(uncollect.getInput());
        if (expressions == null || expressions.size() != 1) {
            throw StatementPlaces.error(Subject.call("UNNEST"), "UNNEST takes one collection of the table it is joined with, e.g. "
                    + "CROSS JOIN UNNEST(t.tags) AS u(tag) or UNNEST(SPLIT(t.line, ' ')); unnest several in separate "
                    + "CROSS JOIN UNNEST(...)s. Plan:\n" + StreamPlanTranslator.explain(correlate));
        }
        return expressions.get(0);
    }

    /**
     * The Table API's flatAggregate: the table aggregate's rows of each result, with Flink's kinds for
     * table aggregates: {@code -D} for the rows of a result taken back (or retracted by
     * {@code emitUpdateWithRetract}), {@code +I} for new ones.
     */
    private static ChangelogStream tableAggregateRows(LogicalCorrelate correlate, Uncollect uncollect,
            ChangelogStream input, int field, RelDataType collectionType) {
        List<String> fields = collectionType.getComponentType().getFieldNames();
        UnnestFunction.TableAggregateKinds kinds = fields.get(fields.size() - 1).equals(TableAggregateFunction.RETRACT_FIELD)
                ? UnnestFunction.TableAggregateKinds.WITH_RETRACT : UnnestFunction.TableAggregateKinds.EMIT_VALUE;
        UnnestFunction.Spec spec = spec(uncollect, collectionType, field, false,
                correlate.getLeft().getRowType().getFieldCount(), kinds);
        DataStream<Row> rows = input.rows();
        DataStream<Row> unnested = rows.flatMap(new UnnestFunction(spec), RowTypes.of(correlate.getRowType()))
                .setParallelism(rows.getParallelism()).name("TableAggregateRows");
        return new ChangelogStream(unnested, ChangelogMode.of(java.util.EnumSet.of(RowKind.INSERT, RowKind.DELETE)),
                input.updatingNode() != null ? input.updatingNode() : StreamPlanTranslator.explain(correlate));
    }

    private static ChangelogStream unnest(LogicalCorrelate correlate, Uncollect uncollect, ChangelogStream input,
            int field, RelDataType collectionType, int keptFields) {
        UnnestFunction.Spec spec = spec(uncollect, collectionType, field,
                correlate.getJoinType() == JoinRelType.LEFT, keptFields, UnnestFunction.TableAggregateKinds.NONE);
        DataStream<Row> rows = input.rows();
        DataStream<Row> unnested = rows.flatMap(new UnnestFunction(spec), RowTypes.of(correlate.getRowType()))
                .setParallelism(rows.getParallelism()).name("Unnest");
        return input.withRows(unnested);
    }

    private static UnnestFunction.Spec spec(Uncollect uncollect, RelDataType collectionType, int field,
            boolean leftOuter, int keptFields, UnnestFunction.TableAggregateKinds tableAggregate) {
        UnnestFunction.Kind kind = switch (collectionType.getSqlTypeName()) {
            case ARRAY -> UnnestFunction.Kind.ARRAY;
            case MAP -> UnnestFunction.Kind.MAP;
            case MULTISET -> UnnestFunction.Kind.MULTISET;
            default -> throw StatementPlaces.error(Subject.call("UNNEST"), "UNNEST takes an ARRAY, MAP or MULTISET, not "
                    + collectionType.getFullTypeString());
        };
        int elementArity = uncollect.getRowType().getFieldCount() - (uncollect.withOrdinality ? 1 : 0);
        boolean spreadRows = kind != UnnestFunction.Kind.MAP && collectionType.getComponentType() != null
                && collectionType.getComponentType().getSqlTypeName() == SqlTypeName.ROW;
        return new UnnestFunction.Spec(field, kind, spreadRows, elementArity, uncollect.withOrdinality, leftOuter,
                keptFields, tableAggregate);
    }

    /** The expressions the Uncollect's input projects, or null if it is not a projection. */
    private static List<RexNode> expressions(RelNode node) {
        if (node instanceof Project project) {
            return project.getProjects();
        }
        if (node instanceof LogicalCalc calc && calc.getProgram().getCondition() == null) {
            RexProgram program = calc.getProgram();
            return program.getProjectList().stream().map(program::expandLocalRef).toList();
        }
        return null;
    }
}
