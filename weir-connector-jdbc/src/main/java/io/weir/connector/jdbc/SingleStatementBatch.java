package io.weir.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One SQL statement, its parameters set from each record by a {@link JdbcStatementBuilder}. */
final class SingleStatementBatch<T> implements JdbcBatch<T> {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final JdbcStatementBuilder<T> statementBuilder;
    private transient PreparedStatement statement;

    SingleStatementBatch(String sql, JdbcStatementBuilder<T> statementBuilder) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The JDBC sink's SQL statement is missing");
        }
        if (statementBuilder == null) {
            throw new IllegalArgumentException("The JDBC sink needs a JdbcStatementBuilder that sets the statement's parameters");
        }
        this.sql = sql;
        this.statementBuilder = statementBuilder;
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        close();
        statement = connection.prepareStatement(sql);
    }

    @Override
    public void add(T record) throws SQLException {
        statementBuilder.accept(statement, record);
        statement.addBatch();
    }

    @Override
    public void execute() throws SQLException {
        statement.executeBatch();
    }

    @Override
    public String describe() {
        return sql;
    }

    @Override
    public void close() {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection may be broken; the statement goes with it
            }
            statement = null;
        }
    }
}
