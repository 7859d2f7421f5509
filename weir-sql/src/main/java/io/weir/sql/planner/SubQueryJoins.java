package io.weir.sql.planner;

import io.weir.sql.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Turns {@code IN}, {@code EXISTS}, {@code NOT IN} and {@code NOT EXISTS} sub-queries among the
 * conjunctions of a {@code WHERE} clause into semi and anti joins, as Flink's planner does: the
 * filtered input is the left side, the sub-query the right, and the join condition is the {@code IN}
 * equality plus the sub-query's correlated conditions ({@code WHERE r.k = l.k}), rewritten from
 * correlation variables to the left input's fields. {@code NOT IN} is null-aware: a left row is
 * dropped if any sub-query row equals it or makes the comparison unknown (a null on either side), so
 * on nullable columns it has no equi-key and runs in one subtask.
 *
 * <p>Correlated sub-queries are taken in the shape {@code [Project] Filter input}, with the correlation
 * only in the filter. Other shapes, sub-queries under {@code OR} or in the select list, and
 * {@code ALL}/{@code SOME} are refused with a message.
 */
final class SubQueryJoins extends RelShuttleImpl {

    private SubQueryJoins() {
    }

    static RelNode rewrite(RelNode plan) {
        return plan.accept(new SubQueryJoins());
    }

    @Override
    public RelNode visit(LogicalFilter filter) {
        RelNode input = filter.getInput().accept(this);
        if (!RexUtil.SubQueryFinder.containsSubQuery(filter)) {
            return filter.copy(filter.getTraitSet(), List.of(input));
        }
        RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
        List<RexNode> kept = new ArrayList<>();
        for (RexNode conjunction : RelOptUtil.conjunctions(filter.getCondition())) {
            boolean negated = conjunction.getKind() == SqlKind.NOT;
            RexNode operand = negated ? ((RexCall) conjunction).getOperands().get(0) : conjunction;
            if (operand instanceof RexSubQuery subQuery
                    && (subQuery.getKind() == SqlKind.IN || subQuery.getKind() == SqlKind.EXISTS)) {
                input = join(input, subQuery, negated, rexBuilder);
            } else if (RexUtil.SubQueryFinder.find(conjunction) != null) {
                throw unsupported("a sub-query in this condition: " + conjunction);
            } else {
                kept.add(conjunction);
            }
        }
        // Semi and anti joins keep the left input's fields, so the other conditions read them unchanged.
        return kept.isEmpty() ? input : LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, kept));
    }

    /**
     * A scalar sub-query in the select list that does not refer to the outer query ({@code SELECT a,
     * (SELECT MAX(b) FROM t2) FROM t1}) becomes a LEFT JOIN ... ON TRUE with it, as Flink plans it: each
     * outer row gets the sub-query's value, NULL while it has none, and updates when it changes. A
     * sub-query that may return more than one row goes through SINGLE_VALUE, which fails the job when
     * it does (Flink's behaviour). Other sub-queries in the select list are refused.
     */
    @Override
    public RelNode visit(LogicalProject project) {
        if (!RexUtil.SubQueryFinder.containsSubQuery(project)) {
            return super.visit(project);
        }
        RelNode[] input = {project.getInput().accept(this)};
        RexBuilder rexBuilder = project.getCluster().getRexBuilder();
        int outerCount = input[0].getRowType().getFieldCount();
        RexShuttle scalars = new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                if (subQuery.getKind() != SqlKind.SCALAR_QUERY || !RelOptUtil.getVariablesUsed(subQuery.rel).isEmpty()) {
                    throw unsupported("a sub-query in the select list other than an uncorrelated scalar one: "
                            + subQuery);
                }
                RelNode value = subQuery.rel.accept(SubQueryJoins.this);
                Double maxRows = project.getCluster().getMetadataQuery().getMaxRowCount(value);
                if (maxRows == null || maxRows > 1) {
                    value = org.apache.calcite.rel.logical.LogicalAggregate.create(value, List.of(),
                            org.apache.calcite.util.ImmutableBitSet.of(), null, List.of(
                                    org.apache.calcite.rel.core.AggregateCall.create(SqlStdOperatorTable.SINGLE_VALUE,
                                            false, false, false, List.of(), List.of(0), -1, null,
                                            org.apache.calcite.rel.RelCollations.EMPTY, 0, value, null, null)));
                }
                int field = input[0].getRowType().getFieldCount();
                input[0] = LogicalJoin.create(input[0], value, List.of(), rexBuilder.makeLiteral(true), Set.of(),
                        JoinRelType.LEFT);
                return rexBuilder.makeInputRef(input[0].getRowType().getFieldList().get(field).getType(), field);
            }
        };
        List<RexNode> projects = new ArrayList<>();
        for (RexNode expression : project.getProjects()) {
            projects.add(expression.accept(scalars));
        }
        RelNode joined = input[0];
        // The outer fields keep their positions; the sub-queries' values follow them.
        return LogicalProject.create(joined, project.getHints(), projects, project.getRowType().getFieldNames(),
                project.getVariablesSet());
    }

    @Override
    public RelNode visit(LogicalJoin join) {
        if (RexUtil.SubQueryFinder.containsSubQuery(join)) {
            throw unsupported("a sub-query in a join condition");
        }
        return super.visit(join);
    }

    private RelNode join(RelNode left, RexSubQuery subQuery, boolean negated, RexBuilder rexBuilder) {
        Uncorrelated right = Uncorrelated.of(subQuery.rel.accept(this));
        int leftCount = left.getRowType().getFieldCount();
        RexShuttle toJoinFields = new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                    return rexBuilder.makeInputRef(access.getType(), access.getField().getIndex());
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return rexBuilder.makeInputRef(ref.getType(), leftCount + ref.getIndex());
            }
        };
        List<RexNode> conditions = new ArrayList<>();
        for (RexNode correlated : right.correlatedConditions()) {
            conditions.add(correlated.accept(toJoinFields));
        }
        if (subQuery.getKind() == SqlKind.IN) {
            for (int i = 0; i < subQuery.getOperands().size(); i++) {
                RexNode value = subQuery.getOperands().get(i);
                RexNode element = right.outputs().get(i).accept(toJoinFields);
                RexNode equal = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, value, element);
                boolean nullable = value.getType().isNullable() || element.getType().isNullable();
                // NOT IN drops a row when the comparison is true or unknown, so an unknown one matches.
                conditions.add(negated && nullable ? rexBuilder.makeCall(SqlStdOperatorTable.OR, equal,
                        rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, value),
                        rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, element)) : equal);
            }
        }
        return LogicalJoin.create(left, right.input(), List.of(), RexUtil.composeConjunction(rexBuilder, conditions),
                Set.of(), negated ? JoinRelType.ANTI : JoinRelType.SEMI);
    }

    static ValidationException unsupported(String what) {
        return new ValidationException("Weir runs IN, EXISTS, NOT IN and NOT EXISTS sub-queries as conjunctions of a "
                + "WHERE clause, correlated only in the sub-query's WHERE; it cannot run " + what
                + ". Write it as a JOIN.");
    }

    /**
     * A sub-query with its correlated conditions taken out: the input to join, the sub-query's output
     * expressions over that input's fields, and the conditions that read the outer row.
     */
    private record Uncorrelated(RelNode input, List<RexNode> outputs, List<RexNode> correlatedConditions) {

        static Uncorrelated of(RelNode subQuery) {
            if (subQuery instanceof LogicalProject project && !isCorrelated(project.getInput())) {
                return new Uncorrelated(project.getInput(), project.getProjects(), List.of());
            }
            if (subQuery instanceof LogicalProject project
                    && project.getProjects().stream().noneMatch(RexUtil::containsCorrelation)) {
                Uncorrelated below = filtered(project.getInput());
                return new Uncorrelated(below.input(), project.getProjects(), below.correlatedConditions());
            }
            return filtered(subQuery);
        }

        private static Uncorrelated filtered(RelNode node) {
            if (!isCorrelated(node)) {
                return new Uncorrelated(node, identity(node), List.of());
            }
            if (!(node instanceof LogicalFilter filter) || isCorrelated(filter.getInput())) {
                throw unsupported("a sub-query correlated outside its WHERE clause");
            }
            List<RexNode> correlated = new ArrayList<>();
            List<RexNode> plain = new ArrayList<>();
            for (RexNode conjunction : RelOptUtil.conjunctions(filter.getCondition())) {
                (RexUtil.containsCorrelation(conjunction) ? correlated : plain).add(conjunction);
            }
            RelNode input = plain.isEmpty() ? filter.getInput() : LogicalFilter.create(filter.getInput(),
                    RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), plain));
            return new Uncorrelated(input, identity(input), correlated);
        }

        private static boolean isCorrelated(RelNode node) {
            return !RelOptUtil.getVariablesUsed(node).isEmpty();
        }

        private static List<RexNode> identity(RelNode node) {
            List<RexNode> refs = new ArrayList<>();
            for (int i = 0; i < node.getRowType().getFieldCount(); i++) {
                refs.add(RexInputRef.of(i, node.getRowType()));
            }
            return refs;
        }
    }
}
