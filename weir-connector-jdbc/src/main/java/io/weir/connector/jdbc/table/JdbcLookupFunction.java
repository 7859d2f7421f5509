package io.weir.connector.jdbc.table;

import io.weir.api.types.Row;
import io.weir.connector.jdbc.FailureAction;
import io.weir.connector.jdbc.JdbcConnectionOptions;
import io.weir.connector.jdbc.JdbcConnectionProvider;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks a JDBC table's rows up by key for a lookup join: one prepared
 * {@code SELECT columns FROM table WHERE k1 = ? AND ...} per subtask, run once per key the cache
 * does not hold. A failed query is retried up to {@code lookup.max-retries} times with a doubling
 * backoff, on a new connection when the old one was lost; errors in the statement or the data
 * (a missing table, a type mismatch) fail at once, naming the table.
 *
 * <p>Threading: used by the lookup join's task thread only; a lookup and its retries block that
 * thread, which is the backpressure a slow or unreachable database should cause.
 */
final class JdbcLookupFunction extends io.weir.sql.connectors.LookupFunction {

    private static final long serialVersionUID = 1L;
    private static final long FIRST_BACKOFF_MS = 100;

    private final JdbcConnectionOptions connectionOptions;
    private final String tableName;
    private final String query;
    private final RowExtractor extractor;
    private final int maxRetries;
    private transient JdbcConnectionProvider connections;
    private transient PreparedStatement statement;

    JdbcLookupFunction(JdbcConnectionOptions connectionOptions, String tableName, String query, RowExtractor extractor,
            int maxRetries) {
        this.connectionOptions = connectionOptions;
        this.tableName = tableName;
        this.query = query;
        this.extractor = extractor;
        this.maxRetries = maxRetries;
    }

    /** A function like this one, not opened: each thread of an async lookup has its own connection. */
    JdbcLookupFunction copy() {
        return new JdbcLookupFunction(connectionOptions, tableName, query, extractor, maxRetries);
    }

    @Override
    public void open() throws IOException {
        connections = new JdbcConnectionProvider(connectionOptions, Thread.currentThread().getContextClassLoader());
    }

    @Override
    public List<Row> lookup(Row key) throws IOException {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 0; ; attempt++) {
            SQLException error;
            try {
                return query(key);
            } catch (SQLException e) {
                error = e;
            }
            FailureAction action = FailureAction.of(error, connections.isConnectionValid());
            if (action == FailureAction.FAIL || attempt >= maxRetries) {
                throw new IOException("JDBC lookup in table " + tableName + " for key " + key + " failed"
                        + (action == FailureAction.FAIL ? "" : " after " + maxRetries + " retries (lookup.max-retries)")
                        + ": " + error.getMessage(), error);
            }
            closeStatement();
            if (action == FailureAction.RECONNECT_AND_RETRY) {
                connections.closeConnection();
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("JDBC lookup in table " + tableName + " was interrupted while retrying", e);
            }
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private List<Row> query(Row key) throws SQLException {
        if (statement == null) {
            statement = connections.getOrEstablishConnection().prepareStatement(query);
        }
        for (int i = 0; i < key.getArity(); i++) {
            statement.setObject(i + 1, key.getField(i));
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(extractor.extract(result));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        closeStatement();
        if (connections != null) {
            connections.closeConnection();
        }
    }

    private void closeStatement() {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the statement's connection may be broken; it is dropped either way
            }
            statement = null;
        }
    }
}
