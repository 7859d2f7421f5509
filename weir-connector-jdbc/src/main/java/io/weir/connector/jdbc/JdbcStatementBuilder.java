package io.weir.connector.jdbc;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sets the parameters of the sink's prepared statement from one record. It may be called more
 * than once for one record (a batch is bound again after a retry or a reconnect), so it must only
 * set parameters.
 */
@FunctionalInterface
public interface JdbcStatementBuilder<T> extends Serializable {
    void accept(PreparedStatement statement, T record) throws SQLException;
}
