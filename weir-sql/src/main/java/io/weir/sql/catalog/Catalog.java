package io.weir.sql.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A namespace of databases holding tables and views, as in Flink. Weir has
 * {@link GenericInMemoryCatalog}; a persistent catalog implements the same interface.
 *
 * <p>Errors are {@link io.weir.sql.api.ValidationException}s whose message names the object and
 * says what to do.
 */
public interface Catalog {

    /** The database a session uses when it has not chosen one. */
    String getDefaultDatabase();

    List<String> listDatabases();

    boolean databaseExists(String databaseName);

    void createDatabase(String databaseName, boolean ignoreIfExists);

    /**
     * CREATE DATABASE with its WITH properties and COMMENT (null for none); an existing database is
     * kept as it is when {@code ignoreIfExists}, otherwise refused.
     */
    default void createDatabase(String databaseName, Map<String, String> properties, String comment,
            boolean ignoreIfExists) {
        boolean existed = databaseExists(databaseName);
        createDatabase(databaseName, ignoreIfExists);
        if (!existed && !properties.isEmpty()) {
            alterDatabase(databaseName, properties);
        }
    }

    /** The database's COMMENT, or null. */
    default String getDatabaseComment(String databaseName) {
        return null;
    }

    /**
     * Drops a database. Without {@code cascade} (Flink's RESTRICT) a database that holds tables or
     * views is refused; with it they go too. The catalog's default database cannot be dropped.
     */
    void dropDatabase(String databaseName, boolean ignoreIfNotExists, boolean cascade);

    /** Called once when the catalog is registered (CREATE CATALOG), before any other call. */
    default void open() {
    }

    /** Called once when the catalog is dropped (DROP CATALOG); it is not used afterwards. */
    default void close() {
    }

    /** The database's properties (ALTER DATABASE ... SET); empty for a database without any. */
    Map<String, String> getDatabaseProperties(String databaseName);

    /** Replaces the database's properties; fails naming the database when it does not exist. */
    void alterDatabase(String databaseName, Map<String, String> properties);

    /** Tables and views of a database, sorted by name. */
    List<String> listTables(String databaseName);

    /** Views of a database, sorted by name. */
    List<String> listViews(String databaseName);

    Optional<CatalogBaseTable> getTable(ObjectPath path);

    default boolean tableExists(ObjectPath path) {
        return getTable(path).isPresent();
    }

    void createTable(ObjectPath path, CatalogBaseTable table, boolean ignoreIfExists);

    void dropTable(ObjectPath path, boolean ignoreIfNotExists);

    /** Replaces an existing table or view by {@code table} (ALTER TABLE / ALTER VIEW). */
    default void alterTable(ObjectPath path, CatalogBaseTable table) {
        dropTable(path, false);
        createTable(path, table, false);
    }
}
