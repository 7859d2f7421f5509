package io.weir.connector.jdbc;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import java.io.IOException;

/**
 * Writes a stream into a database over JDBC, in batches, at least once: every record before a
 * completed checkpoint is committed to the database before the checkpoint completes. With an
 * idempotent statement — an upsert by primary key, see {@link io.weir.connector.jdbc.dialect.JdbcDialect}
 * — records written again after a restore leave the table as a failure-free run would
 * (effectively exactly-once).
 *
 * <pre>{@code
 * stream.sinkTo(JdbcSink.sink(
 *         "INSERT INTO books (id, title) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title",
 *         (statement, book) -> { statement.setLong(1, book.id); statement.setString(2, book.title); },
 *         JdbcExecutionOptions.builder().withBatchSize(1000).withBatchIntervalMs(200).withMaxRetries(5).build(),
 *         new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
 *                 .withUrl("jdbc:postgresql://db:5432/shop").withUsername("weir").withPassword("...").build()));
 * }</pre>
 *
 * <p>Flink's older {@code JdbcSink.sink(...)} returned a sink function for {@code addSink}; Weir's
 * returns a {@link Sink} for {@code sinkTo}, with the same arguments, as does {@link #builder()}.
 */
public final class JdbcSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final JdbcBatch<T> batch;
    private final JdbcExecutionOptions executionOptions;
    private final JdbcConnectionOptions connectionOptions;

    private JdbcSink(JdbcBatch<T> batch, JdbcExecutionOptions executionOptions, JdbcConnectionOptions connectionOptions) {
        if (executionOptions == null || connectionOptions == null) {
            throw new IllegalArgumentException("The JDBC sink needs its JdbcExecutionOptions and JdbcConnectionOptions");
        }
        this.batch = batch;
        this.executionOptions = executionOptions;
        this.connectionOptions = connectionOptions;
    }

    /** Flink's current way to build the sink: {@code builder().withQueryStatement(...).buildAtLeastOnce(...)}. */
    public static <T> JdbcSinkBuilder<T> builder() {
        return new JdbcSinkBuilder<>();
    }

    /** A sink that runs {@code sql} for every record, its parameters set by {@code statementBuilder}. */
    public static <T> JdbcSink<T> sink(String sql, JdbcStatementBuilder<T> statementBuilder,
            JdbcExecutionOptions executionOptions, JdbcConnectionOptions connectionOptions) {
        return new JdbcSink<>(new SingleStatementBatch<>(sql, statementBuilder), executionOptions, connectionOptions);
    }

    /** {@link #sink(String, JdbcStatementBuilder, JdbcExecutionOptions, JdbcConnectionOptions)} with default batching. */
    public static <T> JdbcSink<T> sink(String sql, JdbcStatementBuilder<T> statementBuilder,
            JdbcConnectionOptions connectionOptions) {
        return sink(sql, statementBuilder, JdbcExecutionOptions.defaults(), connectionOptions);
    }

    /** A sink whose records are written by statements of its own (several statements, or one chosen per record). */
    public static <T> JdbcSink<T> sink(JdbcBatch<T> batch, JdbcExecutionOptions executionOptions,
            JdbcConnectionOptions connectionOptions) {
        return new JdbcSink<>(batch, executionOptions, connectionOptions);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        JdbcConnectionProvider connections = new JdbcConnectionProvider(connectionOptions, context.getUserCodeClassLoader());
        // each subtask runs its own deserialized copy of the sink, so the batch's statements are its own
        JdbcOutput<T> output = new JdbcOutput<>(connections, batch, executionOptions);
        output.open();
        return new JdbcWriter<>(output, executionOptions,
                executionOptions.getBatchIntervalMs() > 0 ? context.getProcessingTimeService() : null);
    }
}
