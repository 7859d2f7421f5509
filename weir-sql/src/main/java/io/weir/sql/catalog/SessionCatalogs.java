package io.weir.sql.catalog;

import io.weir.api.datastream.DataStream;
import io.weir.sql.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The catalogs one session sees (Flink's CatalogManager): registered catalogs by name, the
 * current catalog and database that partial names are resolved against, and the session's
 * temporary tables and views, which shadow permanent ones of the same name.
 *
 * <p>A new session has {@value #DEFAULT_CATALOG} with {@value #DEFAULT_DATABASE}, both current.
 */
public final class SessionCatalogs {

    public static final String DEFAULT_CATALOG = "default_catalog";
    public static final String DEFAULT_DATABASE = "default_database";

    private final Map<String, Catalog> catalogs = new TreeMap<>();
    private final Map<ObjectIdentifier, CatalogBaseTable> temporaryTables = new LinkedHashMap<>();
    private final Map<String, CatalogDescriptor> catalogDescriptors = new LinkedHashMap<>();
    private final FunctionCatalog functions = new FunctionCatalog();
    /** The DataStreams that tables of this session read ({@code fromDataStream}), by their tables' option id. */
    private final List<DataStream<?>> dataStreams = new ArrayList<>();
    private String currentCatalog = DEFAULT_CATALOG;
    private String currentDatabase = DEFAULT_DATABASE;

    public SessionCatalogs() {
        catalogs.put(DEFAULT_CATALOG, new GenericInMemoryCatalog(DEFAULT_CATALOG, DEFAULT_DATABASE));
    }

    /** The session's user-defined functions. */
    public FunctionCatalog functions() {
        return functions;
    }

    public void registerCatalog(String name, Catalog catalog) {
        if (catalogs.putIfAbsent(name, catalog) != null) {
            throw new ValidationException("Catalog " + name + " already exists");
        }
    }

    /**
     * The catalog's options and comment (ALTER CATALOG ... SET / RESET / COMMENT, shown by DESCRIBE
     * CATALOG EXTENDED). Weir keeps them for the session; the in-memory catalog reads none of them.
     */
    public record CatalogDescriptor(Map<String, String> options, String comment) {
        public CatalogDescriptor {
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    /**
     * CREATE CATALOG: a new catalog by the factory its {@code 'type'} option names (found through
     * {@link ServiceLoader}), registered under {@code name} with its options and comment.
     */
    public void createCatalog(String name, Map<String, String> options, String comment, boolean ignoreIfExists) {
        if (catalogs.containsKey(name)) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Catalog " + name + " already exists; use CREATE CATALOG IF NOT EXISTS, or "
                    + "DROP CATALOG it first");
        }
        String type = options.get("type");
        Map<String, CatalogFactory> factories = catalogFactories();
        if (type == null) {
            throw new ValidationException("CREATE CATALOG " + name + ": the WITH clause has no 'type'; add one, e.g. "
                    + "'type' = 'generic_in_memory'. Known types: " + factories.keySet());
        }
        CatalogFactory factory = factories.get(type);
        if (factory == null) {
            throw new ValidationException("CREATE CATALOG " + name + ": Weir has no catalog of type '" + type
                    + "'; known types: " + factories.keySet() + " (a catalog factory is found through "
                    + "META-INF/services/" + CatalogFactory.class.getName() + ")");
        }
        for (String key : options.keySet()) {
            if (!key.equals("type") && !factory.supportedOptions().contains(key)) {
                throw new ValidationException("CREATE CATALOG " + name + ": unsupported option '" + key
                        + "' for catalog type '" + type + "'; supported options: "
                        + new TreeSet<>(factory.supportedOptions()));
            }
        }
        Catalog catalog = factory.createCatalog(new CatalogFactory.Context(name, options));
        catalog.open();
        catalogs.put(name, catalog);
        catalogDescriptors.put(name, new CatalogDescriptor(options, comment));
    }

    /**
     * DROP CATALOG: the current catalog is refused, as in Flink; the session's temporary tables and
     * functions in the catalog go with it.
     */
    public void dropCatalog(String name, boolean ignoreIfNotExists) {
        Catalog catalog = catalogs.get(name);
        if (catalog == null) {
            if (ignoreIfNotExists) {
                return;
            }
            throw new ValidationException("Catalog " + name + " does not exist; the catalogs are " + catalogs.keySet()
                    + " (DROP CATALOG IF EXISTS ignores a missing one)");
        }
        if (name.equals(currentCatalog)) {
            throw new ValidationException("Cannot drop catalog " + name + ": it is the current catalog; USE CATALOG "
                    + "another one first");
        }
        catalogs.remove(name);
        catalogDescriptors.remove(name);
        temporaryTables.keySet().removeIf(id -> id.catalogName().equals(name));
        functions.catalogFunctions(name, null).forEach(functions::dropCatalogFunction);
        catalog.close();
    }

    /** The known catalog types, by their {@code 'type'}. */
    private static Map<String, CatalogFactory> catalogFactories() {
        Map<String, CatalogFactory> factories = new TreeMap<>();
        for (CatalogFactory factory : ServiceLoader.load(CatalogFactory.class, SessionCatalogs.class.getClassLoader())) {
            factories.put(factory.factoryIdentifier(), factory);
        }
        return factories;
    }

    /** CREATE DATABASE [catalog.]name: in the current catalog unless named. */
    public void createDatabase(List<String> names, Map<String, String> properties, String comment,
            boolean ignoreIfExists) {
        DatabaseName database = databaseName(names, "CREATE DATABASE");
        Catalog catalog = catalog(database.catalog());
        if (catalog.databaseExists(database.database()) && !ignoreIfExists) {
            throw new ValidationException("Database " + database + " already exists; use CREATE DATABASE IF NOT "
                    + "EXISTS, or DROP DATABASE it first");
        }
        catalog.createDatabase(database.database(), properties, comment, ignoreIfExists);
    }

    /**
     * DROP DATABASE [catalog.]name [RESTRICT | CASCADE]: the current database is refused, as in Flink;
     * RESTRICT refuses a database holding tables, views or functions, CASCADE drops them with it.
     */
    public void dropDatabase(List<String> names, boolean ignoreIfNotExists, boolean cascade) {
        DatabaseName database = databaseName(names, "DROP DATABASE");
        Catalog catalog = catalog(database.catalog());
        if (!catalog.databaseExists(database.database())) {
            if (ignoreIfNotExists) {
                return;
            }
            throw new ValidationException("Database " + database + " does not exist; the databases of catalog "
                    + database.catalog() + " are " + catalog.listDatabases()
                    + " (DROP DATABASE IF EXISTS ignores a missing one)");
        }
        if (database.catalog().equals(currentCatalog) && database.database().equals(currentDatabase)) {
            throw new ValidationException("Cannot drop database " + database + ": it is the current database; USE "
                    + "another one first");
        }
        List<ObjectIdentifier> databaseFunctions = functions.catalogFunctions(database.catalog(), database.database());
        if (!cascade && !databaseFunctions.isEmpty()) {
            throw new ValidationException("Database " + database + " is not empty: it holds the functions "
                    + databaseFunctions.stream().map(ObjectIdentifier::objectName).toList()
                    + "; drop them first, or use DROP DATABASE ... CASCADE");
        }
        catalog.dropDatabase(database.database(), false, cascade);
        databaseFunctions.forEach(functions::dropCatalogFunction);
        temporaryTables.keySet().removeIf(id -> id.catalogName().equals(database.catalog())
                && id.databaseName().equals(database.database()));
    }

    /** A database's catalog and name. */
    public record DatabaseName(String catalog, String database) {
        @Override
        public String toString() {
            return catalog + "." + database;
        }
    }

    /** Completes a one- or two-part database name with the current catalog. */
    public DatabaseName databaseName(List<String> names, String statement) {
        if (names.size() > 2) {
            throw new ValidationException(statement + " " + String.join(".", names) + ": a database name has at most "
                    + "two parts (catalog.database)");
        }
        return new DatabaseName(names.size() == 2 ? names.get(0) : currentCatalog, names.get(names.size() - 1));
    }

    public CatalogDescriptor catalogDescriptor(String name) {
        catalog(name);
        return catalogDescriptors.getOrDefault(name, new CatalogDescriptor(Map.of(), null));
    }

    public void alterCatalog(String name, CatalogDescriptor descriptor) {
        catalog(name);
        catalogDescriptors.put(name, descriptor);
    }

    public List<String> listCatalogs() {
        return new ArrayList<>(catalogs.keySet());
    }

    public Catalog catalog(String name) {
        Catalog catalog = catalogs.get(name);
        if (catalog == null) {
            throw new ValidationException("Catalog " + name + " does not exist; the catalogs are " + catalogs.keySet());
        }
        return catalog;
    }

    public String currentCatalog() {
        return currentCatalog;
    }

    public String currentDatabase() {
        return currentDatabase;
    }

    /** USE CATALOG: the catalog's default database becomes current too. */
    public void useCatalog(String name) {
        Catalog catalog = catalog(name);
        currentCatalog = name;
        currentDatabase = catalog.getDefaultDatabase();
    }

    /** USE [catalog.]database. */
    public void useDatabase(List<String> names) {
        String catalogName = names.size() > 1 ? names.get(0) : currentCatalog;
        String database = names.get(names.size() - 1);
        if (!catalog(catalogName).databaseExists(database)) {
            throw new ValidationException("Database " + catalogName + "." + database + " does not exist; the databases are "
                    + catalog(catalogName).listDatabases());
        }
        currentCatalog = catalogName;
        currentDatabase = database;
    }

    /**
     * Keeps a DataStream that a table of this session reads and returns its id, which the table's
     * options hold; the planner finds the stream with {@link #dataStream}.
     */
    public String registerDataStream(DataStream<?> stream) {
        dataStreams.add(stream);
        return String.valueOf(dataStreams.size() - 1);
    }

    /** The DataStream registered under {@code id}, or null. */
    public DataStream<?> dataStream(String id) {
        try {
            int index = Integer.parseInt(id);
            return index >= 0 && index < dataStreams.size() ? dataStreams.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Completes a one-, two- or three-part name with the current catalog and database. */
    public ObjectIdentifier qualify(List<String> names) {
        return switch (names.size()) {
            case 1 -> new ObjectIdentifier(currentCatalog, currentDatabase, names.get(0));
            case 2 -> new ObjectIdentifier(currentCatalog, names.get(0), names.get(1));
            case 3 -> new ObjectIdentifier(names.get(0), names.get(1), names.get(2));
            default -> throw new ValidationException("A table name has at most three parts (catalog.database.table), not "
                    + String.join(".", names));
        };
    }

    /** The temporary table or view of that name, else the permanent one. */
    public Optional<CatalogBaseTable> getTable(ObjectIdentifier id) {
        CatalogBaseTable temporary = temporaryTables.get(id);
        if (temporary != null) {
            return Optional.of(temporary);
        }
        Catalog catalog = catalogs.get(id.catalogName());
        return catalog == null ? Optional.empty() : catalog.getTable(id.toObjectPath());
    }

    public void createTable(ObjectIdentifier id, CatalogBaseTable table, boolean temporary, boolean ignoreIfExists) {
        if (!temporary) {
            catalog(id.catalogName()).createTable(id.toObjectPath(), table, ignoreIfExists);
            return;
        }
        if (!catalog(id.catalogName()).databaseExists(id.databaseName())) {
            throw new ValidationException("Database " + id.catalogName() + "." + id.databaseName() + " does not exist");
        }
        if (temporaryTables.containsKey(id)) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Temporary table or view " + id.asSummaryString()
                    + " already exists; use CREATE ... IF NOT EXISTS, or DROP it first");
        }
        temporaryTables.put(id, table);
    }

    /** True if {@code id} names a temporary table or view of this session. */
    public boolean isTemporary(ObjectIdentifier id) {
        return temporaryTables.containsKey(id);
    }

    /** Replaces an existing table or view, temporary or not, by {@code table}. */
    public void alterTable(ObjectIdentifier id, CatalogBaseTable table) {
        if (temporaryTables.containsKey(id)) {
            temporaryTables.put(id, table);
        } else {
            catalog(id.catalogName()).alterTable(id.toObjectPath(), table);
        }
    }

    /**
     * Renames a table or view within its catalog (ALTER TABLE / VIEW ... RENAME TO); a temporary one
     * stays temporary.
     */
    public void renameTable(ObjectIdentifier id, ObjectIdentifier newId) {
        if (!id.catalogName().equals(newId.catalogName())) {
            throw new ValidationException("Cannot rename " + id.asSummaryString() + " to " + newId.asSummaryString()
                    + ": a table stays in its catalog; give the new name without a catalog");
        }
        if (getTable(newId).isPresent()) {
            throw new ValidationException("Cannot rename " + id.asSummaryString() + " to " + newId.asSummaryString()
                    + ": that table or view already exists; DROP it first or choose another name");
        }
        CatalogBaseTable temporary = temporaryTables.remove(id);
        if (temporary != null) {
            createTable(newId, temporary, true, false);
            return;
        }
        CatalogBaseTable table = getTable(id).orElseThrow(() -> new ValidationException("Table or view "
                + id.asSummaryString() + " does not exist; SHOW TABLES lists the tables"));
        catalog(newId.catalogName()).createTable(newId.toObjectPath(), table, false);
        catalog(id.catalogName()).dropTable(id.toObjectPath(), false);
    }

    /** Drops a table or view; {@code view} says which the statement named, and it must match. */
    public void dropTable(ObjectIdentifier id, boolean view, boolean temporary, boolean ignoreIfNotExists) {
        Optional<CatalogBaseTable> existing = temporary ? Optional.ofNullable(temporaryTables.get(id)) : getTable(id);
        if (existing.isEmpty()) {
            if (ignoreIfNotExists) {
                return;
            }
            throw new ValidationException((view ? "View " : "Table ") + id.asSummaryString()
                    + " does not exist; use DROP " + (view ? "VIEW" : "TABLE") + " IF EXISTS to ignore that");
        }
        if ((existing.get() instanceof CatalogView) != view) {
            throw new ValidationException(id.asSummaryString() + " is a " + (view ? "table" : "view")
                    + "; drop it with DROP " + (view ? "TABLE" : "VIEW"));
        }
        if (temporaryTables.remove(id) == null) {
            catalog(id.catalogName()).dropTable(id.toObjectPath(), false);
        }
    }

    /** Names of the tables and views (or only the views) in the current database, temporary ones included. */
    public List<String> listTables(boolean viewsOnly) {
        List<String> names = listTables(currentCatalog, currentDatabase, viewsOnly);
        // Names starting with '$' are the session's own (a DataStream's anonymous table), not the user's.
        names.removeIf(name -> name.startsWith("$"));
        return names;
    }

    /** Names of the tables and views of a database, temporary ones included. */
    public List<String> listTables(String catalogName, String databaseName) {
        return listTables(catalogName, databaseName, false);
    }

    private List<String> listTables(String catalogName, String databaseName, boolean viewsOnly) {
        TreeSet<String> names = new TreeSet<>(viewsOnly
                ? catalog(catalogName).listViews(databaseName)
                : catalog(catalogName).listTables(databaseName));
        temporaryTables.forEach((id, table) -> {
            if (id.catalogName().equals(catalogName) && id.databaseName().equals(databaseName)
                    && (!viewsOnly || table instanceof CatalogView)) {
                names.add(id.objectName());
            }
        });
        return new ArrayList<>(names);
    }
}
