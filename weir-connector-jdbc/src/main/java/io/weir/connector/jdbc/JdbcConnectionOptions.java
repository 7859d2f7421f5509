package io.weir.connector.jdbc;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the database is and who to log in as: a JDBC URL, optionally the driver class to load, and
 * the credentials. Built with {@link JdbcConnectionOptionsBuilder}, as in Flink.
 */
public class JdbcConnectionOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String driverName;
    private final String username;
    private final String password;
    private final int connectionCheckTimeoutSeconds;
    private final Properties properties;

    protected JdbcConnectionOptions(String url, String driverName, String username, String password,
            int connectionCheckTimeoutSeconds, Properties properties) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The JDBC URL is missing: set it with withUrl(\"jdbc:postgresql://host:5432/db\")");
        }
        if (connectionCheckTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("The connection check timeout must be at least 1 second, not "
                    + connectionCheckTimeoutSeconds);
        }
        this.url = url;
        this.driverName = driverName;
        this.username = username;
        this.password = password;
        this.connectionCheckTimeoutSeconds = connectionCheckTimeoutSeconds;
        this.properties = new Properties();
        this.properties.putAll(properties);
    }

    public String getDbURL() {
        return url;
    }

    /** The driver class to load, or {@code null} to let {@link java.sql.DriverManager} find one for the URL. */
    public String getDriverName() {
        return driverName;
    }

    public Optional<String> getUsername() {
        return Optional.ofNullable(username);
    }

    public Optional<String> getPassword() {
        return Optional.ofNullable(password);
    }

    /** How long a check whether a connection still works may take before the connection counts as broken. */
    public int getConnectionCheckTimeoutSeconds() {
        return connectionCheckTimeoutSeconds;
    }

    /** Driver properties (for PostgreSQL's driver, e.g. {@code ssl}, {@code ApplicationName}), credentials included. */
    public Properties getProperties() {
        Properties all = new Properties();
        all.putAll(properties);
        getUsername().ifPresent(user -> all.setProperty("user", user));
        getPassword().ifPresent(secret -> all.setProperty("password", secret));
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcConnectionOptions other && url.equals(other.url)
                && Objects.equals(driverName, other.driverName) && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && connectionCheckTimeoutSeconds == other.connectionCheckTimeoutSeconds
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, driverName, username);
    }

    /** Builds {@link JdbcConnectionOptions}; only the URL is required. */
    public static class JdbcConnectionOptionsBuilder {
        private String url;
        private String driverName;
        private String username;
        private String password;
        private int connectionCheckTimeoutSeconds = 60;
        private final Properties properties = new Properties();

        public JdbcConnectionOptionsBuilder withUrl(String url) {
            this.url = url;
            return this;
        }

        public JdbcConnectionOptionsBuilder withDriverName(String driverName) {
            this.driverName = driverName;
            return this;
        }

        /** A property handed to the driver when connecting. */
        public JdbcConnectionOptionsBuilder withProperty(String key, String value) {
            properties.setProperty(key, value);
            return this;
        }

        public JdbcConnectionOptionsBuilder withUsername(String username) {
            this.username = username;
            return this;
        }

        public JdbcConnectionOptionsBuilder withPassword(String password) {
            this.password = password;
            return this;
        }

        public JdbcConnectionOptionsBuilder withConnectionCheckTimeoutSeconds(int seconds) {
            this.connectionCheckTimeoutSeconds = seconds;
            return this;
        }

        public JdbcConnectionOptions build() {
            return new JdbcConnectionOptions(url, driverName, username, password, connectionCheckTimeoutSeconds, properties);
        }
    }
}
