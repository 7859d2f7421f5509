package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/**
 * The result of {@code flatAggregate(call(...))}: the group keys and the columns of the rows the table
 * aggregate function emits, of which {@link #select} picks.
 */
public interface FlatAggregateTable {

    /** The columns given, of the keys and the emitted rows' fields. */
    Table select(Expression... fields);
}
