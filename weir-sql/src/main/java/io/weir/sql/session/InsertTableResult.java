package io.weir.sql.session;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.types.Row;
import io.weir.sql.api.ResultKind;
import io.weir.sql.api.TableResult;
import io.weir.sql.catalog.TableSchema;
import java.util.List;
import java.util.Optional;

/** The result of INSERT INTO or a statement set: the submitted job; its one row is the job's id. */
final class InsertTableResult implements TableResult, PrintableResult {

    private final JobClient jobClient;
    private final StaticTableResult row;

    InsertTableResult(JobClient jobClient) {
        this.jobClient = jobClient;
        this.row = StaticTableResult.rows(List.of("job id"), List.of(Row.of(jobClient.getJobID().toString())));
    }

    @Override
    public ResultKind getResultKind() {
        return ResultKind.SUCCESS_WITH_CONTENT;
    }

    @Override
    public TableSchema getResolvedSchema() {
        return row.getResolvedSchema();
    }

    @Override
    public Optional<JobClient> getJobClient() {
        return Optional.of(jobClient);
    }

    @Override
    public void await() throws Exception {
        jobClient.getJobExecutionResult().get();
    }

    @Override
    public CloseableIterator<Row> collect() {
        return row.collect();
    }

    @Override
    public void print() {
        row.print();
    }

    @Override
    public void print(java.io.PrintStream out) {
        row.print(out);
    }
}
