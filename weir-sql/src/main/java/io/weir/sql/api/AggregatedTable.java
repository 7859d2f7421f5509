package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/**
 * The result of {@code aggregate(call(...))} ({@link Table#aggregate}, {@link GroupedTable#aggregate}):
 * the group keys and the aggregate function's result fields, of which {@link #select} picks.
 */
public interface AggregatedTable {

    /** The columns given, of the keys and the result's fields: {@code select($("key"), $("x"), $("y"))}. */
    Table select(Expression... fields);
}
