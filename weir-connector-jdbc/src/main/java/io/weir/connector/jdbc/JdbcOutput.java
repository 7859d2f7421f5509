package io.weir.connector.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The database side of a sink writer: one connection and the sink's statements. Writes a batch of
 * records in one transaction, so a failed batch leaves nothing half-written and can be written
 * again whole; retries transient failures with a doubling backoff, on a new connection when the
 * old one broke; fails at once, naming the record, when the error is in the data or the statement
 * (see {@link FailureAction}).
 *
 * <p>Databases without transactions (CrateDB) accept and ignore the commit; there a failed batch
 * may be partly written, and writing it again is harmless for idempotent (upsert) statements.
 *
 * <p>Threading: used by the task's thread only. The backoff waits on that thread: while a batch
 * is retried the task processes nothing else, which is the backpressure a database outage should
 * cause.
 */
final class JdbcOutput<T> implements AutoCloseable {
    private static final int MAX_RECORD_TEXT = 300;

    private final JdbcConnectionProvider connections;
    private final JdbcBatch<T> batch;
    private final JdbcExecutionOptions options;
    private boolean prepared;

    JdbcOutput(JdbcConnectionProvider connections, JdbcBatch<T> batch, JdbcExecutionOptions options) {
        this.connections = connections;
        this.batch = batch;
        this.options = options;
    }

    /**
     * Opens the connection and prepares the statements, so a wrong URL or bad credentials fail the job
     * at start (drivers that prepare on the server, unlike PostgreSQL's, also reject a bad statement here).
     */
    void open() throws IOException {
        try {
            prepare(connections.getOrEstablishConnection());
        } catch (SQLException e) {
            throw new IOException("JDBC sink could not connect or prepare \"" + batch.describe() + "\": "
                    + describe(e), e);
        }
    }

    /** Writes {@code records} as one batch; returns once they are committed. */
    void write(List<T> records) throws IOException, InterruptedException {
        long backoff = options.getRetryBackoffMs();
        for (int attempt = 0; ; attempt++) {
            SQLException error;
            try {
                writeOnce(records);
                return;
            } catch (SQLException e) {
                error = e;
            }
            rollbackQuietly();
            FailureAction action = FailureAction.of(error, connections.isConnectionValid());
            if (action == FailureAction.FAIL) {
                throw new IOException(permanentFailure(records, error, locateFailedRecord(records, error)), error);
            }
            if (attempt >= options.getMaxRetries()) {
                throw new IOException("JDBC sink gave up on a batch of " + records.size() + " records for \""
                        + batch.describe() + "\" after " + options.getMaxRetries() + " retries (sink.max-retries / "
                        + "withMaxRetries): " + describe(error), error);
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 60_000);
            // the statements are prepared afresh: a driver may keep half a batch after a failure
            prepared = false;
            if (action == FailureAction.RECONNECT_AND_RETRY) {
                connections.closeConnection();
            }
        }
    }

    private void writeOnce(List<T> records) throws SQLException {
        Connection connection = prepared ? connections.getOrEstablishConnection() : reconnect();
        for (T record : records) {
            batch.add(record);
        }
        batch.execute();
        connection.commit();
    }

    /** The connection (a new one after a lost connection was closed) with freshly prepared statements. */
    private Connection reconnect() throws SQLException {
        Connection connection = connections.getOrEstablishConnection();
        prepare(connection);
        return connection;
    }

    private void prepare(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        batch.prepare(connection);
        prepared = true;
    }

    private void rollbackQuietly() {
        try {
            if (prepared) {
                connections.getOrEstablishConnection().rollback();
            }
        } catch (SQLException e) {
            prepared = false; // the connection is broken: the next attempt reconnects
        }
    }

    /**
     * The index of the record that makes the batch fail, or -1. Drivers do not say reliably
     * (PostgreSQL's marks every entry of a rolled-back batch failed), so the records are run one
     * by one, in a transaction that is rolled back, until one fails as the batch did. This costs
     * a round trip per record, on the way to failing the job only.
     */
    private int locateFailedRecord(List<T> records, SQLException batchError) {
        if (records.size() == 1) {
            return 0;
        }
        String failedClass = FailureAction.sqlStateClass(batchError);
        try {
            Connection connection = connections.getOrEstablishConnection();
            prepare(connection);
            for (int i = 0; i < records.size(); i++) {
                try {
                    batch.add(records.get(i));
                    batch.execute();
                } catch (SQLException e) {
                    return java.util.Objects.equals(failedClass, FailureAction.sqlStateClass(e)) ? i : -1;
                }
            }
            return -1;
        } catch (SQLException e) {
            return -1;
        } finally {
            rollbackQuietly();
        }
    }

    private String permanentFailure(List<T> records, SQLException error, int index) {
        String which = index >= 0
                ? "record " + (index + 1) + " of a batch of " + records.size() + " (" + text(records.get(index)) + ")"
                : "a batch of " + records.size() + " records (the first: " + text(records.get(0)) + ")";
        return "JDBC sink could not write " + which + " with \"" + batch.describe() + "\": " + describe(error)
                + ". This error is in the data or the statement and is not retried: fix the record or the statement"
                + " (a duplicate key wants an upsert statement, see JdbcDialect.getUpsertStatement)";
    }

    /** The error's SQLState and messages, with those of the chained errors a batch failure carries. */
    static String describe(SQLException error) {
        StringBuilder text = new StringBuilder();
        text.append("SQLState ").append(error.getSQLState()).append(": ").append(error.getMessage());
        SQLException next = error.getNextException();
        if (next != null && next.getMessage() != null && !next.getMessage().equals(error.getMessage())) {
            text.append(" (cause: ").append(next.getMessage()).append(')');
        }
        return text.toString();
    }

    private static String text(Object record) {
        String text = String.valueOf(record);
        return text.length() <= MAX_RECORD_TEXT ? text : text.substring(0, MAX_RECORD_TEXT) + "…";
    }

    @Override
    public void close() {
        batch.close();
        connections.closeConnection();
    }
}
