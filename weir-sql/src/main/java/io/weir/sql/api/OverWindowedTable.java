package io.weir.sql.api;

import io.weir.sql.expressions.Expression;

/** A table with over windows ({@link Table#window(OverWindow...)}); {@link #select} computes per row. */
public interface OverWindowedTable {

    /** Columns and aggregates over the windows: {@code select($("k"), $("v").sum().over($("w")).as("running"))}. */
    Table select(Expression... fields);
}
