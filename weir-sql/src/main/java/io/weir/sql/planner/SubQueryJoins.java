package io.weir.sql.planner;

import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
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
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns {@code IN}, {@code EXISTS}, {@code NOT IN} and {@code NOT EXISTS} sub-queries among the
 * conjunctions of a {@code WHERE} clause into semi and anti joins, as Flink's planner does: the
 * filtered input is the left side, the sub-query the right, and the join condition is the {@code IN}
 * equality plus the sub-query's correlated conditions ({@code WHERE r.k = l.k}), rewritten from
 * correlation variables to the left input's fields. {@code NOT IN} is null-aware: a left row is
 * dropped if any sub-query row equals it or makes the comparison unknown (a null on either side), so
 * on nullable columns it has no equi-key and runs in one subtask.
 *
 * <p>Scalar sub-queries (in the select list or in {@code WHERE}), {@code EXISTS} outside a
 * {@code WHERE} conjunction ({@code COUNT(*) > 0}), and {@code IN} and {@code SOME}/{@code ALL} outside
 * one (counts and MIN/MAX of the sub-query, see {@link #quantified}) become LEFT JOINs with their
 * values; a correlated one is decorrelated by grouping its aggregate by the correlated columns, or by
 * the outer values of a value generator when the correlation is not equalities ({@link Keyed}).
 *
 * <p>Correlated sub-queries are taken in the shape {@code [Project] Filter input}, with the correlation
 * only in the filter. Other shapes, and an {@code IN} of several columns outside a {@code WHERE}
 * conjunction, are refused with a message.
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
        int fieldCount = input.getRowType().getFieldCount();
        List<RexNode> kept = new ArrayList<>();
        for (RexNode conjunction : RelOptUtil.conjunctions(filter.getCondition())) {
            boolean negated = conjunction.getKind() == SqlKind.NOT;
            RexNode operand = negated ? ((RexCall) conjunction).getOperands().get(0) : conjunction;
            if (operand instanceof RexSubQuery subQuery
                    && (subQuery.getKind() == SqlKind.IN || subQuery.getKind() == SqlKind.EXISTS)) {
                input = join(input, subQuery, negated, rexBuilder);
            } else if (RexUtil.SubQueryFinder.find(conjunction) != null) {
                // Scalar sub-queries (price > (SELECT AVG(price) FROM bids)) join their values to the input.
                RelNode[] joined = {input};
                kept.add(conjunction.accept(scalarJoins(joined, rexBuilder, "in this condition: " + conjunction)));
                input = joined[0];
            } else {
                kept.add(conjunction);
            }
        }
        // Semi and anti joins keep the left input's fields, so the other conditions read them unchanged.
        RelNode filtered = kept.isEmpty() ? input
                : LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, kept));
        if (filtered.getRowType().getFieldCount() == fieldCount) {
            return filtered;
        }
        // The values of scalar sub-queries were joined for the condition only.
        List<RexNode> fields = new ArrayList<>();
        for (int i = 0; i < fieldCount; i++) {
            fields.add(RexInputRef.of(i, filtered.getRowType()));
        }
        return LogicalProject.create(filtered, List.of(), fields, filter.getRowType().getFieldNames(), Set.of());
    }

    /**
     * A scalar sub-query in the select list becomes a LEFT JOIN with it, as Flink plans it: each outer
     * row gets the sub-query's value, NULL while it has none, and updates when it changes. An
     * uncorrelated sub-query ({@code (SELECT MAX(b) FROM t2)}) joins ON TRUE; a sub-query that may
     * return more than one row goes through SINGLE_VALUE, which fails the job when it does (Flink's
     * behaviour). A correlated one ({@code (SELECT MAX(b) FROM t2 WHERE t2.k = t1.k)}) is decorrelated:
     * its aggregate is grouped by the inner sides of its correlated equalities and joined on them
     * ({@link #correlated}). Other sub-queries in the select list are refused.
     */
    @Override
    public RelNode visit(LogicalProject project) {
        if (!RexUtil.SubQueryFinder.containsSubQuery(project)) {
            return super.visit(project);
        }
        RelNode[] input = {project.getInput().accept(this)};
        RexShuttle scalars = scalarJoins(input, project.getCluster().getRexBuilder(), "in the select list");
        List<RexNode> projects = new ArrayList<>();
        for (RexNode expression : project.getProjects()) {
            projects.add(expression.accept(scalars));
        }
        // The outer fields keep their positions; the sub-queries' values follow them.
        return LogicalProject.create(input[0], project.getHints(), projects, project.getRowType().getFieldNames(),
                Set.of());
    }

    /**
     * Replaces each scalar sub-query by a reference to its value, joining the value to {@code input[0]}
     * (whose fields keep their positions); other sub-queries are refused, named by {@code where}.
     */
    private RexShuttle scalarJoins(RelNode[] input, RexBuilder rexBuilder, String where) {
        return new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                if (subQuery.getKind() == SqlKind.EXISTS) {
                    return exists(subQuery);
                }
                if (subQuery.getKind() == SqlKind.IN || subQuery.getKind() == SqlKind.SOME) {
                    return rexBuilder.ensureType(subQuery.getType(), quantified(input, subQuery, rexBuilder), true);
                }
                if (subQuery.getKind() != SqlKind.SCALAR_QUERY) {
                    throw unsupported("a sub-query " + where + " other than a scalar one or EXISTS: " + subQuery);
                }
                RelNode value = subQuery.rel.accept(SubQueryJoins.this);
                RexNode result = RelOptUtil.getVariablesUsed(subQuery.rel).isEmpty()
                        ? uncorrelated(input, value, rexBuilder)
                        : correlated(input, value, rexBuilder);
                return rexBuilder.ensureType(subQuery.getType(), result, true);
            }

            /**
             * EXISTS outside a WHERE conjunction ({@code SELECT a, EXISTS (...)}, or under OR) is
             * {@code COUNT(*) > 0} of the sub-query's rows, joined as a scalar sub-query; a key without
             * rows counts 0, so the result is never NULL.
             */
            private RexNode exists(RexSubQuery subQuery) {
                RelNode rows = subQuery.rel.accept(SubQueryJoins.this);
                RelNode count = LogicalAggregate.create(rows, List.of(), ImmutableBitSet.of(), null, List.of(
                        AggregateCall.create(SqlStdOperatorTable.COUNT, false, false, false, List.of(), List.of(), -1,
                                null, RelCollations.EMPTY, 0, rows, null, null)));
                RexNode n = RelOptUtil.getVariablesUsed(subQuery.rel).isEmpty()
                        ? uncorrelated(input, count, rexBuilder)
                        : correlated(input, count, rexBuilder);
                // An uncorrelated count over no rows has no row at all (NULL after the join).
                RexNode counted = rexBuilder.makeCall(SqlStdOperatorTable.COALESCE, n,
                        rexBuilder.makeZeroLiteral(n.getType()));
                return rexBuilder.makeCall(SqlStdOperatorTable.GREATER_THAN, counted,
                        rexBuilder.makeZeroLiteral(n.getType()));
            }
        };
    }

    private static RexNode uncorrelated(RelNode[] input, RelNode value, RexBuilder rexBuilder) {
        Double maxRows = value.getCluster().getMetadataQuery().getMaxRowCount(value);
        if (maxRows == null || maxRows > 1) {
            value = singleValue(value);
        }
        int field = input[0].getRowType().getFieldCount();
        input[0] = LogicalJoin.create(input[0], value, List.of(), rexBuilder.makeLiteral(true), Set.of(),
                JoinRelType.LEFT);
        return rexBuilder.makeInputRef(input[0].getRowType().getFieldList().get(field).getType(), field);
    }

    /** SINGLE_VALUE(x) over a one-column relation: its value, failing the job on a second row. */
    private static RelNode singleValue(RelNode value) {
        return LogicalAggregate.create(value, List.of(), ImmutableBitSet.of(), null, List.of(
                AggregateCall.create(SqlStdOperatorTable.SINGLE_VALUE, false, false, false, List.of(), List.of(0),
                        -1, null, RelCollations.EMPTY, 0, value, null, null)));
    }

    /**
     * A correlated scalar sub-query, decorrelated as Flink does: {@code [Project] Aggregate(no group)
     * over [Project] Filter} (a sub-query without an aggregate gets SINGLE_VALUE) whose filter holds
     * the correlation as equalities {@code inner = outer}. The aggregate is grouped by the inner
     * expressions and LEFT JOINed on {@code outer = inner}, so each outer row reads its group's value
     * and is updated when the group changes. An outer row without a group gets what the aggregate
     * gives on no rows: NULL, or 0 for COUNT (a marker column tells the two apart).
     */
    private static RexNode correlated(RelNode[] input, RelNode value, RexBuilder rexBuilder) {
        LogicalProject top = null;
        RelNode node = value;
        if (node instanceof LogicalProject project && project.getInput() instanceof LogicalAggregate) {
            top = project;
            node = project.getInput();
        }
        LogicalAggregate aggregate = node instanceof LogicalAggregate a && a.getGroupCount() == 0
                && a.getGroupType() == org.apache.calcite.rel.core.Aggregate.Group.SIMPLE ? a : null;
        if (aggregate == null) {
            top = null;
            aggregate = (LogicalAggregate) singleValue(value);
        }
        Keyed inner = Keyed.of(input[0], Uncorrelated.of(aggregate.getInput()), rexBuilder);
        int outerCount = input[0].getRowType().getFieldCount();
        List<RexNode> innerKeys = inner.innerKeys();
        List<RexNode> outerKeys = inner.outerKeys();
        // The aggregate's input: its former columns, then the keys; grouped by the keys.
        int columns = inner.outputs().size();
        List<RexNode> projected = new ArrayList<>(inner.outputs());
        projected.addAll(innerKeys);
        RelNode keyed = LogicalProject.create(inner.input(), List.of(), projected, (List<String>) null, Set.of());
        int keys = innerKeys.size();
        List<AggregateCall> calls = new ArrayList<>();
        boolean countLike = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            calls.add(call.adaptTo(keyed, call.getArgList(), call.filterArg, 0, keys));
            countLike |= call.getAggregation().getKind() == SqlKind.COUNT
                    || call.getAggregation().getKind() == SqlKind.SUM0;
        }
        RelNode grouped = LogicalAggregate.create(keyed, List.of(), ImmutableBitSet.range(columns, columns + keys),
                null, calls);
        // Over the grouped rows: the keys, the sub-query's value, and a marker that a group exists.
        List<RexNode> outputs = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            outputs.add(RexInputRef.of(i, grouped.getRowType()));
        }
        RexShuttle afterKeys = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                // Grouped, an aggregate of non-null values may be NOT NULL where the ungrouped one was not.
                return rexBuilder.makeInputRef(grouped, keys + ref.getIndex());
            }
        };
        RexNode valueExpression = top == null ? RexInputRef.of(0, aggregate.getRowType()) : top.getProjects().get(0);
        outputs.add(valueExpression.accept(afterKeys));
        outputs.add(rexBuilder.makeLiteral(true));
        RelNode right = LogicalProject.create(grouped, List.of(), outputs, (List<String>) null, Set.of());
        List<RexNode> on = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            RexNode innerKey = rexBuilder.makeInputRef(right.getRowType().getFieldList().get(i).getType(),
                    outerCount + i);
            on.add(rexBuilder.makeCall(inner.keyComparison(), outerKeys.get(i), innerKey));
        }
        input[0] = LogicalJoin.create(input[0], right, List.of(), RexUtil.composeConjunction(rexBuilder, on), Set.of(),
                JoinRelType.LEFT);
        List<RelDataTypeField> fields = input[0].getRowType().getFieldList();
        RexNode joinedValue = rexBuilder.makeInputRef(fields.get(outerCount + keys).getType(), outerCount + keys);
        if (!countLike) {
            // With no group every aggregate is NULL, as on no rows, and the value follows from them.
            return joinedValue;
        }
        List<AggregateCall> original = aggregate.getAggCallList();
        RexNode onNoRows = valueExpression.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                SqlKind kind = original.get(ref.getIndex()).getAggregation().getKind();
                return kind == SqlKind.COUNT || kind == SqlKind.SUM0
                        ? rexBuilder.makeZeroLiteral(ref.getType())
                        : rexBuilder.makeNullLiteral(ref.getType());
            }
        });
        RexNode marker = rexBuilder.makeInputRef(fields.get(outerCount + keys + 1).getType(), outerCount + keys + 1);
        return rexBuilder.makeCall(SqlStdOperatorTable.CASE, rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, marker),
                rexBuilder.ensureType(joinedValue.getType(), onNoRows, true), joinedValue);
    }

    /**
     * {@code x IN (sub-query)} and {@code x op SOME (sub-query)} outside a WHERE conjunction (in the
     * select list, under OR; {@code x op ALL (...)} arrives as {@code NOT (x op' SOME (...))}), with
     * SQL's three-valued result, planned as Flink (Calcite's sub-query removal) plans them: the
     * sub-query's rows are aggregated per correlation key into their count {@code c}, the count of
     * non-null values {@code ck} and, for an ordering comparison, their MIN or MAX, and LEFT JOINed to
     * the outer row; {@code IN} and {@code = SOME} also LEFT JOIN the sub-query's distinct values on
     * {@code x = y} for a match marker. The value is FALSE on no rows, TRUE when a value compares
     * true, else NULL when {@code x} is NULL or a value is NULL ({@code ck < c}), else FALSE.
     */
    private RexNode quantified(RelNode[] input, RexSubQuery subQuery, RexBuilder rexBuilder) {
        if (subQuery.getOperands().size() != 1) {
            throw unsupported("an IN of several columns outside a WHERE conjunction (" + subQuery + "); write it as "
                    + "EXISTS with the equalities in the sub-query's WHERE");
        }
        SqlKind comparison = subQuery.getKind() == SqlKind.IN ? SqlKind.EQUALS
                : ((org.apache.calcite.sql.fun.SqlQuantifyOperator) subQuery.getOperator()).comparisonKind;
        RexNode x = subQuery.getOperands().get(0);
        Keyed inner = Keyed.of(input[0], Uncorrelated.of(subQuery.rel.accept(this)), rexBuilder);
        int keys = inner.innerKeys().size();
        // Per key: COUNT(*), COUNT(y) and the extreme an ordering comparison needs.
        List<RexNode> valueAndKeys = new ArrayList<>();
        valueAndKeys.add(inner.outputs().get(0));
        valueAndKeys.addAll(inner.innerKeys());
        RelNode values = LogicalProject.create(inner.input(), List.of(), valueAndKeys, (List<String>) null, Set.of());
        List<AggregateCall> calls = new ArrayList<>(List.of(aggregateCall(SqlStdOperatorTable.COUNT, List.of(), values),
                aggregateCall(SqlStdOperatorTable.COUNT, List.of(0), values)));
        switch (comparison) {
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> calls.add(aggregateCall(SqlStdOperatorTable.MIN, List.of(0), values));
            case LESS_THAN, LESS_THAN_OR_EQUAL -> calls.add(aggregateCall(SqlStdOperatorTable.MAX, List.of(0), values));
            case NOT_EQUALS -> {
                calls.add(aggregateCall(SqlStdOperatorTable.MIN, List.of(0), values));
                calls.add(aggregateCall(SqlStdOperatorTable.MAX, List.of(0), values));
            }
            default -> {
            }
        }
        RelNode counts = LogicalAggregate.create(values, List.of(), ImmutableBitSet.range(1, 1 + keys), null, calls);
        int countsAt = input[0].getRowType().getFieldCount();
        input[0] = LogicalJoin.create(input[0], counts, List.of(), keyEqualities(inner, countsAt, counts,
                rexBuilder), Set.of(), JoinRelType.LEFT);
        RexNode c = field(input[0], countsAt + keys, rexBuilder);
        RexNode ck = field(input[0], countsAt + keys + 1, rexBuilder);
        RexNode zero = rexBuilder.makeZeroLiteral(c.getType());
        RexNode found;
        if (comparison == SqlKind.EQUALS) {
            // The distinct (keys, value) pairs, joined on the keys and x = value, with a marker.
            List<RexNode> keysAndValue = new ArrayList<>(inner.innerKeys());
            keysAndValue.add(inner.outputs().get(0));
            RelNode pairs = LogicalAggregate.create(LogicalProject.create(inner.input(), List.of(), keysAndValue,
                    (List<String>) null, Set.of()), List.of(), ImmutableBitSet.range(keys + 1), null, List.of());
            List<RexNode> marked = new ArrayList<>();
            for (int i = 0; i <= keys; i++) {
                marked.add(RexInputRef.of(i, pairs.getRowType()));
            }
            marked.add(rexBuilder.makeLiteral(true));
            RelNode matches = LogicalProject.create(pairs, List.of(), marked, (List<String>) null, Set.of());
            int matchesAt = input[0].getRowType().getFieldCount();
            RexNode on = RexUtil.composeConjunction(rexBuilder, List.of(keyEqualities(inner, matchesAt,
                    matches, rexBuilder), rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, x,
                    rexBuilder.makeInputRef(matches.getRowType().getFieldList().get(keys).getType(), matchesAt + keys))));
            input[0] = LogicalJoin.create(input[0], matches, List.of(), on, Set.of(), JoinRelType.LEFT);
            found = rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_NULL, field(input[0], matchesAt + keys + 1, rexBuilder));
        } else {
            RexNode first = field(input[0], countsAt + keys + 2, rexBuilder);
            RexNode compared = comparison == SqlKind.NOT_EQUALS
                    ? rexBuilder.makeCall(SqlStdOperatorTable.OR,
                            rexBuilder.makeCall(SqlStdOperatorTable.NOT_EQUALS, x, first),
                            rexBuilder.makeCall(SqlStdOperatorTable.NOT_EQUALS, x, field(input[0], countsAt + keys + 3,
                                    rexBuilder)))
                    : rexBuilder.makeCall(RexUtil.op(comparison), x, first);
            found = rexBuilder.makeCall(SqlStdOperatorTable.AND,
                    rexBuilder.makeCall(SqlStdOperatorTable.GREATER_THAN, ck, zero), compared);
        }
        RexNode empty = rexBuilder.makeCall(SqlStdOperatorTable.OR, rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, c),
                rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, c, zero));
        RexNode unknown = rexBuilder.makeNullLiteral(subQuery.getType());
        return rexBuilder.makeCall(SqlStdOperatorTable.CASE,
                empty, rexBuilder.makeLiteral(false),
                found, rexBuilder.makeLiteral(true),
                rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, x), unknown,
                rexBuilder.makeCall(SqlStdOperatorTable.LESS_THAN, ck, c), unknown,
                rexBuilder.makeLiteral(false));
    }

    private static AggregateCall aggregateCall(org.apache.calcite.sql.SqlAggFunction function, List<Integer> args,
            RelNode input) {
        return AggregateCall.create(function, false, false, false, List.of(), args, -1, null, RelCollations.EMPTY, 0,
                input, null, null);
    }

    private static RexNode field(RelNode node, int index, RexBuilder rexBuilder) {
        return rexBuilder.makeInputRef(node.getRowType().getFieldList().get(index).getType(), index);
    }

    /** {@code outerKeys[i] = right's field i} (right's fields starting at {@code rightAt} in the join); TRUE for none. */
    private static RexNode keyEqualities(Keyed inner, int rightAt, RelNode right, RexBuilder rexBuilder) {
        List<RexNode> outerKeys = inner.outerKeys();
        List<RexNode> on = new ArrayList<>();
        for (int i = 0; i < outerKeys.size(); i++) {
            on.add(rexBuilder.makeCall(inner.keyComparison(), outerKeys.get(i),
                    rexBuilder.makeInputRef(right.getRowType().getFieldList().get(i).getType(), rightAt + i)));
        }
        return RexUtil.composeConjunction(rexBuilder, on);
    }

    /**
     * A correlated sub-query's rows keyed for a LEFT JOIN with the outer rows: the rows ({@code input}),
     * the sub-query's output expressions over them, and key expressions on each side whose equality
     * stands for the correlation. Correlated equalities ({@code t2.k = t1.k}) are the keys themselves.
     * Any other correlation ({@code t2.k < t1.k}) is decorrelated as Flink's decorrelator does it, with
     * a value generator: the distinct values of the outer columns the conditions read are joined with
     * the sub-query's rows on the conditions, and those outer values become the keys (so the join of
     * the value generator has no equi-key when the conditions have none, and runs in one subtask).
     */
    private record Keyed(RelNode input, List<RexNode> outputs, List<RexNode> innerKeys, List<RexNode> outerKeys,
            boolean generated) {

        /**
         * How outer keys meet inner ones: {@code =} for correlated equalities (a NULL matches nothing, as in
         * the sub-query's WHERE); IS NOT DISTINCT FROM for a value generator's keys, so an outer row with a
         * NULL column finds the rows the conditions gave for NULL.
         */
        org.apache.calcite.sql.SqlOperator keyComparison() {
            return generated ? SqlStdOperatorTable.IS_NOT_DISTINCT_FROM : SqlStdOperatorTable.EQUALS;
        }

        static Keyed of(RelNode outer, Uncorrelated inner, RexBuilder rexBuilder) {
            List<RexNode> innerKeys = new ArrayList<>();
            List<RexNode> outerKeys = new ArrayList<>();
            RexShuttle toOuter = new RexShuttle() {
                @Override
                public RexNode visitFieldAccess(RexFieldAccess access) {
                    if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                        return rexBuilder.makeInputRef(access.getType(), access.getField().getIndex());
                    }
                    return super.visitFieldAccess(access);
                }
            };
            boolean equalities = true;
            for (RexNode condition : inner.correlatedConditions()) {
                RexNode[] sides = equalitySides(condition);
                if (sides == null) {
                    equalities = false;
                    break;
                }
                innerKeys.add(sides[0]);
                outerKeys.add(sides[1].accept(toOuter));
            }
            if (equalities) {
                return new Keyed(inner.input(), inner.outputs(), innerKeys, outerKeys, false);
            }
            // The value generator: the distinct outer values the correlated conditions read.
            java.util.TreeMap<Integer, Integer> positions = new java.util.TreeMap<>();
            for (RexNode condition : inner.correlatedConditions()) {
                condition.accept(new RexShuttle() {
                    @Override
                    public RexNode visitFieldAccess(RexFieldAccess access) {
                        if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                            positions.put(access.getField().getIndex(), 0);
                            return access;
                        }
                        return super.visitFieldAccess(access);
                    }
                });
            }
            List<RexNode> outerColumns = new ArrayList<>();
            for (int field : positions.keySet()) {
                positions.put(field, outerColumns.size());
                outerColumns.add(RexInputRef.of(field, outer.getRowType()));
            }
            int n = outerColumns.size();
            RelNode distinctValues = LogicalAggregate.create(LogicalProject.create(outer, List.of(), outerColumns,
                    (List<String>) null, Set.of()), List.of(), ImmutableBitSet.range(n), null, List.of());
            RexShuttle shifted = new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return rexBuilder.makeInputRef(ref.getType(), n + ref.getIndex());
                }
            };
            List<RexNode> conditions = new ArrayList<>();
            for (RexNode condition : inner.correlatedConditions()) {
                conditions.add(condition.accept(shifted).accept(new RexShuttle() {
                    @Override
                    public RexNode visitFieldAccess(RexFieldAccess access) {
                        if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                            return rexBuilder.makeInputRef(access.getType(), positions.get(access.getField().getIndex()));
                        }
                        return super.visitFieldAccess(access);
                    }
                }));
            }
            RelNode joined = LogicalJoin.create(distinctValues, inner.input(), List.of(),
                    RexUtil.composeConjunction(rexBuilder, conditions), Set.of(), JoinRelType.INNER);
            List<RexNode> outputs = new ArrayList<>();
            for (RexNode output : inner.outputs()) {
                outputs.add(output.accept(shifted));
            }
            List<RexNode> generated = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                generated.add(RexInputRef.of(i, joined.getRowType()));
            }
            return new Keyed(joined, outputs, generated, outerColumns, true);
        }
    }

    /** {@code {inner, outer}} of an equality between the sub-query's columns and the outer row, else null. */
    private static RexNode[] equalitySides(RexNode condition) {
        if (condition.getKind() != SqlKind.EQUALS) {
            return null;
        }
        List<RexNode> operands = ((RexCall) condition).getOperands();
        for (int i = 0; i < 2; i++) {
            RexNode inner = operands.get(i);
            RexNode outer = operands.get(1 - i);
            if (!RexUtil.containsCorrelation(inner) && RexUtil.containsCorrelation(outer)
                    && RexUtil.containsInputRef(inner) && !RexUtil.containsInputRef(outer)) {
                return new RexNode[] {inner, outer};
            }
        }
        return null;
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
        return StatementPlaces.error(Subject.subQuery(), "Weir runs IN, EXISTS, SOME/ANY/ALL and scalar sub-queries correlated only "
                + "in the sub-query's WHERE; it cannot run " + what + ". Write it as a JOIN.");
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
