package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/** A table grouped by keys ({@link Table#groupBy}); {@link #select} aggregates each group. */
public interface GroupedTable {

    /** The keys and aggregates of each group, e.g. {@code select($("k"), $("v").sum().as("total"))}. */
    Table select(Expression... fields);
}
