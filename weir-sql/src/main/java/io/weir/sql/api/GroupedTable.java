package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/** A table grouped by keys ({@link Table#groupBy}); {@link #select} aggregates each group. */
public interface GroupedTable {

    /** The keys and aggregates of each group, e.g. {@code select($("k"), $("v").sum().as("total"))}. */
    Table select(Expression... fields);

    /**
     * An {@link io.weir.sql.functions.AggregateFunction} per group, its ROW result flattened into
     * columns after the keys: {@code groupBy($("k")).aggregate(call(MinMax.class, $("v")).as("lo",
     * "hi")).select($("k"), $("lo"), $("hi"))}.
     */
    AggregatedTable aggregate(Expression aggregateFunction);

    /**
     * A {@link io.weir.sql.functions.TableAggregateFunction} per group: the rows its
     * {@code emitValue} gives, after the keys; each change of a group retracts the rows the group gave
     * before and emits its new ones, e.g. {@code groupBy($("k")).flatAggregate(call(Top2.class,
     * $("v")).as("v", "rank")).select($("k"), $("v"), $("rank"))}.
     */
    FlatAggregateTable flatAggregate(Expression tableAggregateFunction);
}
