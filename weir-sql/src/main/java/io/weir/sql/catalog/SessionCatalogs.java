package io.weir.sql.catalog;

import io.weir.api.datastream.DataStream;
import io.weir.sql.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
