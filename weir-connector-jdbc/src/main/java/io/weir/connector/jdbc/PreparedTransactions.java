package io.weir.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's two-phase commit, the statements behind its XA support: {@code PREPARE TRANSACTION}
 * ends a transaction without making it visible and keeps it across sessions and server restarts;
 * {@code COMMIT PREPARED} or {@code ROLLBACK PREPARED} end it later, from any session outside a
 * transaction block. Ids are checked by {@link JdbcExactlyOnceOptions} to be plain words, so they
 * can be written into the statements.
 */
final class PreparedTransactions {
    /** PostgreSQL's SQLState when a prepared transaction with the id does not exist (any more). */
    static final String UNDEFINED_OBJECT = "42704";
    /** PostgreSQL's SQLState for "prepared transactions are disabled" (max_prepared_transactions = 0). */
    static final String OBJECT_NOT_IN_PREREQUISITE_STATE = "55000";

    private PreparedTransactions() {}

    static void prepare(Connection connection, String id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PREPARE TRANSACTION '" + id + "'");
        } catch (SQLException e) {
            if (OBJECT_NOT_IN_PREREQUISITE_STATE.equals(e.getSQLState())) {
                throw new SQLException("The exactly-once JDBC sink needs PostgreSQL's prepared transactions, which are "
                        + "disabled on this server: set max_prepared_transactions (in postgresql.conf) to at least the "
                        + "sink's parallelism and restart the server (" + e.getMessage() + ")", e.getSQLState(), e);
            }
            throw e;
        }
    }

    static void commit(Connection connection, String id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT PREPARED '" + id + "'");
        }
    }

    static void rollback(Connection connection, String id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK PREPARED '" + id + "'");
        }
    }

    /** The ids of this database's prepared transactions that start with {@code prefix}. */
    static List<String> list(Connection connection, String prefix) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, ?)")) {
            query.setString(1, prefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
