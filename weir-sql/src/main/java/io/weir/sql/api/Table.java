package io.weir.sql.api;

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

    /** The logical plan of the query, as EXPLAIN prints it. */
    String explain();
}
