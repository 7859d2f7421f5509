package io.weir.sql.session;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.types.Row;
import io.weir.sql.api.ResultKind;
import io.weir.sql.api.TableResult;
import io.weir.sql.catalog.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of a query running as a job: its rows arrive through the job's collect sink. In
 * streaming mode the rows are a changelog and print with their change kind.
 */
final class QueryTableResult implements TableResult, PrintableResult {

    private final TableSchema schema;
    private final CloseableIterator<Row> rows;
    private final boolean changelog;
    /** The session time zone when the query was planned, in which TIMESTAMP_LTZ values print. */
    private final java.time.ZoneId zone;

    QueryTableResult(TableSchema schema, CloseableIterator<Row> rows, boolean changelog, java.time.ZoneId zone) {
        this.zone = zone;
        this.schema = schema;
        this.rows = rows;
        this.changelog = changelog;
    }

    @Override
    public ResultKind getResultKind() {
        return ResultKind.SUCCESS_WITH_CONTENT;
    }

    @Override
    public TableSchema getResolvedSchema() {
        return schema;
    }

    @Override
    public Optional<JobClient> getJobClient() {
        return Optional.empty();
    }

    @Override
    public void await() throws Exception {
        while (rows.hasNext()) {
            rows.next();
        }
        rows.close();
    }

    @Override
    public boolean isQueryResult() {
        return true;
    }

    @Override
    public CloseableIterator<Row> collect() {
        return rows;
    }

    /** Collects the whole result first (so column widths fit the values), then prints it. */
    @Override
    public void print() {
        print(System.out);
    }

    @Override
    public void print(java.io.PrintStream out) {
        List<Row> all = new ArrayList<>();
        try (CloseableIterator<Row> iterator = rows) {
            iterator.forEachRemaining(all::add);
        } catch (Exception e) {
            throw new IllegalStateException("Reading the query's result failed", e);
        }
        TableauPrinter.print(schema.columnNames(), all, changelog, out, zone);
    }
}
