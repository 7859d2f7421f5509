package io.weir.connector.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Opens, checks and replaces one JDBC connection of a sink writer or source reader.
 *
 * <p>With a driver name, the driver class is loaded through the job's class loader and asked
 * directly ({@link DriverManager} does not see drivers of a child class loader, which is where a
 * job's jar puts them); without one, {@link DriverManager} finds the driver for the URL.
 *
 * <p>Threading: used by one thread at a time (the task's).
 */
public final class JdbcConnectionProvider {
    private final JdbcConnectionOptions options;
    private final ClassLoader classLoader;
    private Connection connection;

    public JdbcConnectionProvider(JdbcConnectionOptions options, ClassLoader classLoader) {
        this.options = options;
        this.classLoader = classLoader;
    }

    /** The open connection, opened now if there is none. */
    public Connection getOrEstablishConnection() throws SQLException {
        if (connection == null) {
            connection = open();
        }
        return connection;
    }

    /** Whether the connection is open and answers within the check timeout. */
    public boolean isConnectionValid() {
        try {
            return connection != null && connection.isValid(options.getConnectionCheckTimeoutSeconds());
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the current connection (ignoring errors: it is assumed broken) and opens a new one. */
    public Connection reestablishConnection() throws SQLException {
        closeConnection();
        return getOrEstablishConnection();
    }

    public void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection often cannot be closed cleanly; it is dropped either way
            }
            connection = null;
        }
    }

    private Connection open() throws SQLException {
        Properties properties = options.getProperties();
        String url = options.getDbURL();
        if (options.getDriverName() == null) {
            return connectWithoutDriverName(url, properties);
        }
        Connection opened = loadDriver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("The JDBC driver " + options.getDriverName() + " does not accept the URL " + url
                    + ": check the URL's prefix (jdbc:postgresql://host:port/database)", "08001");
        }
        return opened;
    }

    /**
     * Asks {@link DriverManager} (drivers on the system class path), then the drivers the job's class
     * loader declares as services (a driver bundled in the job's jar).
     */
    private Connection connectWithoutDriverName(String url, Properties properties) throws SQLException {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            if (!"08001".equals(e.getSQLState()) || e.getMessage() == null || !e.getMessage().startsWith("No suitable driver")) {
                throw e;
            }
        }
        for (Driver driver : ServiceLoader.load(Driver.class, classLoader)) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, properties);
            }
        }
        throw new SQLException("No JDBC driver accepts the URL " + url + ": put the driver's jar on the job's classpath "
                + "or in Weir's lib/ (org.postgresql:postgresql for PostgreSQL and CrateDB), or name its class with "
                + "withDriverName", "08001");
    }

    private Driver loadDriver() throws SQLException {
        String name = options.getDriverName();
        try {
            Class<?> driverClass = Class.forName(name, true, classLoader);
            return (Driver) driverClass.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new SQLException("The JDBC driver class " + name + " is not on the job's classpath: add the "
                    + "driver's jar (org.postgresql:postgresql for PostgreSQL and CrateDB) to the job or to lib/", "08001", e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("Could not create the JDBC driver " + name + ": " + e, "08001", e);
        }
    }
}
