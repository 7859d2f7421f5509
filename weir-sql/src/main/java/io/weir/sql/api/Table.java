package io.weir.sql.api;

import io.weir.sql.functions.TemporalTableFunction;

import io.weir.sql.catalog.TableSchema;

/**
 * A query that has been validated but not run: what {@link TableEnvironment#sqlQuery} returns.
 * Running it ({@link #execute()}) or writing it into a table ({@link #executeInsert}) submits a
 * job.
 */
public interface Table {

    TableSchema getResolvedSchema();

    TableResult execute();

    /** INSERT INTO the named table; the result's job writes the rows. */
    TableResult executeInsert(String tablePath);

    /**
     * The versions of this append-only table by {@code primaryKey} and its rowtime column
     * {@code timeAttribute}, as a function to register and call with {@code LATERAL TABLE(f(time))}.
     */
    TemporalTableFunction createTemporalTableFunction(String timeAttribute, String primaryKey);

    /** The logical plan of the query, as EXPLAIN prints it. */
    String explain();
}
