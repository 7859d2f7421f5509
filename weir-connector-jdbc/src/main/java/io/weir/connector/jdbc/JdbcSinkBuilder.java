package io.weir.connector.jdbc;

/**
 * Builds a {@link JdbcSink} the way Flink's current JDBC connector does:
 * {@code JdbcSink.<T>builder().withQueryStatement(sql, statementBuilder).withExecutionOptions(options)
 * .buildAtLeastOnce(connectionOptions)}.
 */
public final class JdbcSinkBuilder<T> {
    private JdbcBatch<T> batch;
    private JdbcExecutionOptions executionOptions = JdbcExecutionOptions.defaults();

    JdbcSinkBuilder() {}

    public JdbcSinkBuilder<T> withQueryStatement(String sql, JdbcStatementBuilder<T> statementBuilder) {
        this.batch = new SingleStatementBatch<>(sql, statementBuilder);
        return this;
    }

    /** Statements of the sink's own, such as a {@link ChangelogRowBatch} for rows with a change kind. */
    public JdbcSinkBuilder<T> withBatch(JdbcBatch<T> batch) {
        this.batch = batch;
        return this;
    }

    public JdbcSinkBuilder<T> withExecutionOptions(JdbcExecutionOptions executionOptions) {
        this.executionOptions = executionOptions;
        return this;
    }

    public JdbcSink<T> buildAtLeastOnce(JdbcConnectionOptions connectionOptions) {
        if (batch == null) {
            throw new IllegalArgumentException("The JDBC sink has no statement: call withQueryStatement(sql, statementBuilder)");
        }
        return JdbcSink.sink(batch, executionOptions, connectionOptions);
    }

    /**
     * An exactly-once sink on PostgreSQL's two-phase commit: what it writes becomes visible when the
     * checkpoint after it completes. Flink's takes an XA data source; Weir's speaks PostgreSQL's
     * {@code PREPARE TRANSACTION} (what PostgreSQL's XA support runs) over the connection options.
     */
    public JdbcExactlyOnceSink<T> buildExactlyOnce(JdbcExactlyOnceOptions exactlyOnceOptions,
            JdbcConnectionOptions connectionOptions) {
        if (batch == null) {
            throw new IllegalArgumentException("The JDBC sink has no statement: call withQueryStatement(sql, statementBuilder)");
        }
        return new JdbcExactlyOnceSink<>(batch, executionOptions, exactlyOnceOptions, connectionOptions);
    }
}
