package io.weir.connector.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL 17 server (zonky's embedded binaries), started once per test class on a free
 * loopback port and removed afterwards. Register it as a static {@code @RegisterExtension} field.
 */
public final class EmbeddedPostgres implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> serverConfig;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    public EmbeddedPostgres() {
        this(Map.of());
    }

    /** With settings of {@code postgresql.conf}, such as {@code max_prepared_transactions}. */
    public EmbeddedPostgres(Map<String, String> serverConfig) {
        this.serverConfig = serverConfig;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
        serverConfig.forEach(builder::setServerConfig);
        server = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    public String url() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    public JdbcConnectionOptions connectionOptions() {
        return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl("jdbc:postgresql://localhost:" + server.getPort() + "/postgres")
                .withDriverName("org.postgresql.Driver")
                .withUsername("postgres")
                .withConnectionCheckTimeoutSeconds(5)
                .build();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    public void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The rows of {@code query}, each as its columns joined by "|". */
    public List<String> rows(String query) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    public long count(String table) throws SQLException {
        return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0));
    }

    /** Ends every other session of this database (what an administrator or a failover does to the sink's connection). */
    int terminateOtherSessions() throws SQLException {
        return rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND backend_type = 'client backend'").size();
    }
}
