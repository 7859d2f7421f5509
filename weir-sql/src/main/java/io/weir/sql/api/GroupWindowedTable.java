package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/** A table with a group window ({@link Table#window}); {@link #groupBy} must name the window's alias. */
public interface GroupWindowedTable {

    /** Groups by the window (its alias, {@code $("w")}) and any other keys. */
    WindowGroupedTable groupBy(Expression... fields);
}
