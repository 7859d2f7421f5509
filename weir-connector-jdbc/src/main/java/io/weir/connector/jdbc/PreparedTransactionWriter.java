package io.weir.connector.jdbc;

import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.StatefulSinkWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The writer of the exactly-once sink: writes every record between two checkpoints in one
 * database transaction, in batches, and at each checkpoint prepares that transaction
 * ({@code PREPARE TRANSACTION}) and hands its id over as the committable; the committer commits it
 * once the checkpoint completed. Nothing is visible before.
 *
 * <p>Its state is the number of the next transaction. A restored writer first rolls back the
 * transactions of its subtask numbered from there on: a failed attempt prepared them after the
 * checkpoint that is being restored, so their records will be written again. Those numbered below
 * belong to that checkpoint and are committed by the restored committables.
 *
 * <p>A failed batch fails the job rather than being retried: the transaction it belongs to holds
 * every record since the last checkpoint, and a broken connection loses all of them; the restart
 * from the checkpoint writes them again.
 *
 * <p>Threading: the task's thread only.
 */
final class PreparedTransactionWriter<T> implements CommittingSinkWriter<T, String>, StatefulSinkWriter<T, Long> {
    private final JdbcConnectionProvider connections;
    private final JdbcBatch<T> batch;
    private final int batchSize;
    private final String idPrefix;
    private long nextTransaction;
    private boolean transactionHasWrites;
    private List<T> buffer = new ArrayList<>();

    PreparedTransactionWriter(JdbcConnectionProvider connections, JdbcBatch<T> batch, int batchSize,
            String transactionIdPrefix, int subtask, long nextTransaction) {
        this.connections = connections;
        this.batch = batch;
        this.batchSize = batchSize;
        this.idPrefix = transactionIdPrefix + "-" + subtask + "-";
        this.nextTransaction = nextTransaction;
    }

    /** Rolls back what failed attempts of this subtask left prepared, then opens the first transaction. */
    void open() throws IOException {
        try {
            Connection connection = connections.getOrEstablishConnection();
            connection.setAutoCommit(true); // ROLLBACK PREPARED runs outside a transaction block
            for (String id : PreparedTransactions.list(connection, idPrefix)) {
                if (transactionNumber(id) >= nextTransaction) {
                    PreparedTransactions.rollback(connection, id);
                }
            }
            connection.setAutoCommit(false);
            batch.prepare(connection);
        } catch (SQLException e) {
            throw new IOException("Exactly-once JDBC sink could not start (\"" + batch.describe() + "\"): "
                    + JdbcOutput.describe(e), e);
        }
    }

    private long transactionNumber(String id) {
        try {
            return Long.parseLong(id.substring(idPrefix.length()));
        } catch (NumberFormatException e) {
            return -1; // another subtask's (prefix-1 vs prefix-12-…) or not the sink's: left alone
        }
    }

    @Override
    public void write(T element, Context context) throws IOException {
        buffer.add(element);
        if (buffer.size() >= batchSize) {
            executeBuffer();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (!buffer.isEmpty()) {
            executeBuffer();
        }
    }

    private void executeBuffer() throws IOException {
        try {
            for (T record : buffer) {
                batch.add(record);
            }
            batch.execute();
        } catch (SQLException e) {
            throw new IOException("Exactly-once JDBC sink failed writing a batch of " + buffer.size() + " records (the first: "
                    + buffer.get(0) + ") with \"" + batch.describe() + "\": " + JdbcOutput.describe(e)
                    + ". The transaction since the last checkpoint is rolled back; the job restarts from that checkpoint"
                    + " if its restart strategy allows", e);
        }
        transactionHasWrites = true;
        buffer = new ArrayList<>();
    }

    @Override
    public Collection<String> prepareCommit() throws IOException {
        flush(false);
        if (!transactionHasWrites) {
            return List.of();
        }
        String id = idPrefix + nextTransaction;
        try {
            PreparedTransactions.prepare(connections.getOrEstablishConnection(), id);
        } catch (SQLException e) {
            throw new IOException("Exactly-once JDBC sink could not prepare transaction " + id + ": "
                    + JdbcOutput.describe(e), e);
        }
        nextTransaction++;
        transactionHasWrites = false;
        return List.of(id);
    }

    @Override
    public List<Long> snapshotState(long checkpointId) {
        return List.of(nextTransaction);
    }

    /** Ends the open transaction unprepared (its records come again after a restore) and closes the connection. */
    @Override
    public void close() {
        try {
            if (transactionHasWrites) {
                connections.getOrEstablishConnection().rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed below either way, which ends the transaction too
        }
        batch.close();
        connections.closeConnection();
    }
}
