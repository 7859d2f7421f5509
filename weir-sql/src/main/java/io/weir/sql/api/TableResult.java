package io.weir.sql.api;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.types.Row;
import io.weir.sql.catalog.TableSchema;
import java.util.Optional;

/**
 * The result of {@link TableEnvironment#executeSql}: "OK" for DDL, rows for SHOW, DESCRIBE and
 * queries, and for INSERT the job that writes the rows (its one row is the job's id).
 *
 * <p>The rows can be read once, by {@link #collect()} or by {@link #print()}.
 */
public interface TableResult {

    ResultKind getResultKind();

    TableSchema getResolvedSchema();

    /** The job running a query or INSERT; empty for statements that run no job. */
    Optional<JobClient> getJobClient();

    /** Waits until the job (if any) has finished. */
    void await() throws Exception;

    /**
     * The rows; for a streaming query each row carries its change kind ({@code +I}, {@code -U},
     * {@code +U}, {@code -D}). Close the iterator to cancel an unbounded query.
     */
    CloseableIterator<Row> collect();

    /**
     * Prints the rows to stdout as a table in Flink's "tableau" form, with an {@code op} column for
     * streaming queries, and waits until the result ends.
     */
    void print();
}
