package io.weir.connector.jdbc.table;

import io.weir.api.types.Row;
import io.weir.connector.jdbc.JdbcConnectionOptions;
import io.weir.connector.jdbc.JdbcConnectionProvider;
import io.weir.sql.connectors.FullCacheLoader;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole JDBC table for the full lookup cache ({@code 'lookup.cache' = 'FULL'}): one
 * {@code SELECT columns FROM table} on a connection opened for the read and closed after it.
 *
 * <p>Threading: called by the lookup join's task thread.
 */
final class JdbcFullTableLoader implements FullCacheLoader {

    private static final long serialVersionUID = 1L;

    private final JdbcConnectionOptions connectionOptions;
    private final String tableName;
    private final String query;
    private final RowExtractor extractor;

    JdbcFullTableLoader(JdbcConnectionOptions connectionOptions, String tableName, String query, RowExtractor extractor) {
        this.connectionOptions = connectionOptions;
        this.tableName = tableName;
        this.query = query;
        this.extractor = extractor;
    }

    @Override
    public List<Row> loadAll() throws IOException {
        JdbcConnectionProvider connections = new JdbcConnectionProvider(connectionOptions,
                Thread.currentThread().getContextClassLoader());
        try (PreparedStatement statement = connections.getOrEstablishConnection().prepareStatement(query);
                ResultSet result = statement.executeQuery()) {
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(extractor.extract(result));
            }
            return rows;
        } catch (SQLException e) {
            throw new IOException("Reading table " + tableName + " into the full lookup cache failed: "
                    + e.getMessage(), e);
        } finally {
            connections.closeConnection();
        }
    }
}
