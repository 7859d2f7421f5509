package io.weir.connector.jdbc;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The statements one sink writes a batch of records with. The writer prepares them on a
 * connection, adds every record of the batch, and executes them; after a failure it prepares them
 * again (on a new connection if the old one broke) and adds the same records again, so
 * {@link #add} must depend on nothing but the record.
 *
 * <p>Threading: used by the task's thread only.
 */
public interface JdbcBatch<T> extends Serializable {

    /** Prepares the statements on {@code connection}, closing those of an earlier connection. */
    void prepare(Connection connection) throws SQLException;

    /** Adds one record to the batch. */
    void add(T record) throws SQLException;

    /** Executes everything added since the last execution. */
    void execute() throws SQLException;

    /** The statement text, for error messages. */
    String describe();

    /** Closes the statements; errors are ignored (the connection may be gone). */
    void close();
}
