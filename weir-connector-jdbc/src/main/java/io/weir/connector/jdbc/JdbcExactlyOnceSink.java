package io.weir.connector.jdbc;

import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.StatefulSinkWriter;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.SupportsWriterState;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes into PostgreSQL exactly once, with its two-phase commit: what the sink wrote between two
 * checkpoints becomes visible, in one transaction per subtask, when the later checkpoint completes
 * (see {@link PreparedTransactionWriter}). Built with
 * {@code JdbcSink.builder()...buildExactlyOnce(exactlyOnceOptions, connectionOptions)}.
 *
 * <p>Needs {@code max_prepared_transactions} of at least the sink's parallelism on the server. Rows
 * stay locked from their write until their checkpoint completes: two subtasks that write the same
 * row wait for each other's commit, which waits for the checkpoint, which waits for them — key the
 * stream by the table's key before the sink so that a row is written by one subtask.
 */
public final class JdbcExactlyOnceSink<T> implements Sink<T>, SupportsCommitter<String>, SupportsWriterState<T, Long> {
    private static final long serialVersionUID = 1L;

    private final JdbcBatch<T> batch;
    private final JdbcExecutionOptions executionOptions;
    private final JdbcExactlyOnceOptions exactlyOnceOptions;
    private final JdbcConnectionOptions connectionOptions;

    JdbcExactlyOnceSink(JdbcBatch<T> batch, JdbcExecutionOptions executionOptions,
            JdbcExactlyOnceOptions exactlyOnceOptions, JdbcConnectionOptions connectionOptions) {
        if (batch == null || exactlyOnceOptions == null || connectionOptions == null) {
            throw new IllegalArgumentException("The exactly-once JDBC sink needs a statement, JdbcExactlyOnceOptions and "
                    + "JdbcConnectionOptions");
        }
        this.batch = batch;
        this.executionOptions = executionOptions;
        this.exactlyOnceOptions = exactlyOnceOptions;
        this.connectionOptions = connectionOptions;
    }

    @Override
    public StatefulSinkWriter<T, Long> createWriter(WriterInitContext context) throws IOException {
        return restoreWriter(context, java.util.List.of());
    }

    @Override
    public StatefulSinkWriter<T, Long> restoreWriter(WriterInitContext context, Collection<Long> recoveredState)
            throws IOException {
        long nextTransaction = recoveredState.stream().mapToLong(Long::longValue).max().orElse(0);
        PreparedTransactionWriter<T> writer = new PreparedTransactionWriter<>(
                new JdbcConnectionProvider(connectionOptions, context.getUserCodeClassLoader()), batch,
                executionOptions.getBatchSize(), exactlyOnceOptions.getTransactionIdPrefix(),
                context.getTaskInfo().getIndexOfThisSubtask(), nextTransaction);
        writer.open();
        return writer;
    }

    @Override
    public Committer<String> createCommitter(CommitterInitContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new PreparedTransactionCommitter(new JdbcConnectionProvider(connectionOptions,
                loader != null ? loader : getClass().getClassLoader()));
    }

    @Override
    public SimpleVersionedSerializer<String> getCommittableSerializer() {
        return new TransactionIdSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Long> getWriterStateSerializer() {
        return new NextTransactionSerializer();
    }

    /** A prepared transaction's id, as UTF-8. */
    private static final class TransactionIdSerializer implements SimpleVersionedSerializer<String> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(String id) {
            return id.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(int version, byte[] serialized) {
            return new String(serialized, StandardCharsets.UTF_8);
        }
    }

    /** The number of a writer's next transaction, as 8 bytes. */
    private static final class NextTransactionSerializer implements SimpleVersionedSerializer<Long> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Long next) {
            return ByteBuffer.allocate(Long.BYTES).putLong(next).array();
        }

        @Override
        public Long deserialize(int version, byte[] serialized) {
            return ByteBuffer.wrap(serialized).getLong();
        }
    }
}
