package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import io.weir.sql.runtime.UnnestFunction;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates {@code CROSS JOIN UNNEST(t.c) [WITH ORDINALITY] AS u(...)} — Calcite's correlate of
 * the left input with an {@link Uncollect} of one of its columns — into an {@link UnnestFunction}
 * that runs in the left input's subtasks: a row per element, as in Flink.
 */
final class UnnestTranslator {

    private UnnestTranslator() {
    }

    static boolean isUnnest(LogicalCorrelate correlate) {
        return correlate.getRight() instanceof Uncollect;
    }

    static ChangelogStream translate(LogicalCorrelate correlate, ChangelogStream input) {
        Uncollect uncollect = (Uncollect) correlate.getRight();
        if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
            throw new ValidationException("UNNEST joins are CROSS JOIN UNNEST(...) or LEFT JOIN UNNEST(...) ON TRUE, not "
                    + correlate.getJoinType());
        }
        List<RexNode> expressions = expressions(uncollect.getInput());
        if (expressions == null || expressions.size() != 1
                || !(expressions.get(0) instanceof RexFieldAccess access)
                || !(access.getReferenceExpr() instanceof RexCorrelVariable)) {
            throw new ValidationException("UNNEST takes one column of the table it is joined with, e.g. "
                    + "CROSS JOIN UNNEST(t.tags) AS u(tag); compute other collections in a sub-query first. Plan:\n"
                    + StreamPlanTranslator.explain(correlate));
        }
        RelDataType collectionType = access.getType();
        UnnestFunction.Kind kind = switch (collectionType.getSqlTypeName()) {
            case ARRAY -> UnnestFunction.Kind.ARRAY;
            case MAP -> UnnestFunction.Kind.MAP;
            case MULTISET -> UnnestFunction.Kind.MULTISET;
            default -> throw new ValidationException("UNNEST takes an ARRAY, MAP or MULTISET, not "
                    + collectionType.getFullTypeString());
        };
        int elementArity = uncollect.getRowType().getFieldCount() - (uncollect.withOrdinality ? 1 : 0);
        boolean spreadRows = kind != UnnestFunction.Kind.MAP && collectionType.getComponentType() != null
                && collectionType.getComponentType().getSqlTypeName() == SqlTypeName.ROW;
        UnnestFunction.Spec spec = new UnnestFunction.Spec(access.getField().getIndex(), kind, spreadRows,
                elementArity, uncollect.withOrdinality, correlate.getJoinType() == JoinRelType.LEFT);
        DataStream<Row> rows = input.rows();
        DataStream<Row> unnested = rows.flatMap(new UnnestFunction(spec), RowTypes.of(correlate.getRowType()))
                .setParallelism(rows.getParallelism()).name("Unnest");
        return input.withRows(unnested);
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
