package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/** A table grouped by a window and keys; {@link #select} aggregates each window and key. */
public interface WindowGroupedTable {

    /**
     * Keys, aggregates and window properties ({@code $("w").start()}, {@code end()}, {@code rowtime()},
     * {@code proctime()}).
     */
    Table select(Expression... fields);

    /**
     * An {@link io.weir.sql.functions.AggregateFunction} per window and key, its ROW result flattened;
     * the {@link AggregatedTable#select} may name the keys, the result's fields and the window's properties.
     */
    AggregatedTable aggregate(Expression aggregateFunction);

    /** A {@link io.weir.sql.functions.TableAggregateFunction} per window and key: the rows its {@code emitValue} gives. */
    FlatAggregateTable flatAggregate(Expression tableAggregateFunction);
}
