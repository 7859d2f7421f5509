package io.weir.sql.api;

import io.weir.sql.functions.UserDefinedFunction;
import io.weir.sql.session.SqlSession;

/**
 * The entry point of SQL: a session with catalogs, options and a current catalog and database,
 * which runs statements of the Flink SQL dialect as Weir jobs.
 *
 * <pre>{@code
 * TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
 * tableEnv.executeSql("CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
 * tableEnv.executeSql("SELECT id * 2 AS twice FROM gen").print();
 * }</pre>
 *
 * <p>Not thread-safe: a session's statements run one after another.
 */
public interface TableEnvironment {

    static TableEnvironment create(EnvironmentSettings settings) {
        return SqlSession.create(settings);
    }

    /** Runs one statement: DDL, SET, SHOW, DESCRIBE, USE, EXPLAIN, a query, INSERT or a statement set. */
    TableResult executeSql(String statement);

    /** Validates a query (SELECT or VALUES) and returns it as a {@link Table}, not yet run. */
    Table sqlQuery(String query);

    /**
     * The table or view at {@code path} ({@code name}, {@code db.name} or {@code catalog.db.name}) as a
     * {@link Table}, to query with the Table API: {@code from("orders").filter($("amount").isGreater(10))}.
     */
    Table from(String path);

    /** Registers {@code view} as a temporary view, which SQL and {@link #from} then read by name. */
    void createTemporaryView(String path, Table view);

    /** A set of INSERTs to run as one job. */
    default StatementSet createStatementSet() {
        return new StatementSet(this);
    }

    /** The plan of a statement, as EXPLAIN prints it. */
    String explainSql(String statement);

    TableConfig getConfig();

    /**
     * Registers a function by its class (made with its no-argument constructor) under a name every
     * catalog and database sees; it shadows a built-in of the same name. Names are case-insensitive.
     */
    void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> functionClass);

    /** Registers a function instance (its fields configure it) under a name every catalog and database sees. */
    void createTemporarySystemFunction(String name, UserDefinedFunction functionInstance);

    /** Drops a temporary system function; false if there was none. */
    boolean dropTemporarySystemFunction(String name);

    /** Registers a function in a database: {@code path} is {@code name}, {@code db.name} or {@code catalog.db.name}. */
    void createTemporaryFunction(String path, Class<? extends UserDefinedFunction> functionClass);

    void createTemporaryFunction(String path, UserDefinedFunction functionInstance);

    /** Drops a temporary catalog function; false if there was none. */
    boolean dropTemporaryFunction(String path);

    /** Registers a catalog function by its class, as {@code CREATE FUNCTION path AS 'class'} does. */
    void createFunction(String path, Class<? extends UserDefinedFunction> functionClass);

    /** The user-defined functions the current catalog and database see. */
    String[] listUserDefinedFunctions();

    String[] listCatalogs();

    String[] listDatabases();

    /** Tables and views of the current database, temporary ones included. */
    String[] listTables();

    String[] listViews();

    String getCurrentCatalog();

    String getCurrentDatabase();

    void useCatalog(String catalogName);

    void useDatabase(String databaseName);
}
