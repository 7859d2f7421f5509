package io.weir.sql.session;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.types.Row;
import io.weir.sql.api.ResultKind;
import io.weir.sql.api.TableResult;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The result of a statement that runs no job: "OK", or rows computed on the spot (SHOW, DESCRIBE). */
final class StaticTableResult implements TableResult, PrintableResult {

    static final StaticTableResult OK = new StaticTableResult(ResultKind.SUCCESS, List.of("result"), List.of(Row.of("OK")));

    private final ResultKind kind;
    private final TableSchema schema;
    private final List<Row> rows;

    private StaticTableResult(ResultKind kind, List<String> columnNames, List<Row> rows) {
        this.kind = kind;
        List<Column> columns = new ArrayList<>();
        for (String name : columnNames) {
            columns.add(Column.physical(name, LogicalType.of(LogicalTypeRoot.VARCHAR, LogicalType.MAX_LENGTH, -1)));
        }
        this.schema = TableSchema.of(columns);
        this.rows = List.copyOf(rows);
    }

    /** Rows of strings under the given column names. */
    static StaticTableResult rows(List<String> columnNames, List<Row> rows) {
        return new StaticTableResult(ResultKind.SUCCESS_WITH_CONTENT, columnNames, rows);
    }

    /** One column, one row per value (SHOW TABLES and friends). */
    static StaticTableResult list(String columnName, List<String> values) {
        List<Row> rows = new ArrayList<>();
        values.forEach(v -> rows.add(Row.of(v)));
        return rows(List.of(columnName), rows);
    }

    @Override
    public ResultKind getResultKind() {
        return kind;
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
    public void await() {
    }

    @Override
    public CloseableIterator<Row> collect() {
        Iterator<Row> iterator = rows.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Row next() {
                return iterator.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void print() {
        print(System.out);
    }

    @Override
    public void print(java.io.PrintStream out) {
        TableauPrinter.print(schema.columnNames(), rows, false, out);
    }
}
