package io.weir.sql.api;

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

    /** The plan of a statement, as EXPLAIN prints it. */
    String explainSql(String statement);

    TableConfig getConfig();

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
