package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/** A table grouped by a window and keys; {@link #select} aggregates each window and key. */
public interface WindowGroupedTable {

    /** Keys, aggregates and window properties ({@code $("w").start()}, {@code $("w").end()}). */
    Table select(Expression... fields);
}
