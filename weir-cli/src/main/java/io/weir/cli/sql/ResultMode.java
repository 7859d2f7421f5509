package io.weir.cli.sql;

/** How the client shows a query's rows: {@code sql-client.execution.result-mode}. */
enum ResultMode {
    /** A view of the materialized result, refreshed as changes arrive (+I/+U add a row, -U/-D remove one). */
    TABLE,
    /** A view of the latest changes, each with its change kind. */
    CHANGELOG,
    /** Rows printed as they arrive, in a boxed table on the standard output. */
    TABLEAU
}
