package io.weir.sql.catalog;

import io.weir.sql.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalog held in memory: it lives as long as its session. Not thread-safe: a session's
 * statements run one after another.
 */
public final class GenericInMemoryCatalog implements Catalog {

    private final String name;
    private final String defaultDatabase;
    private final Map<String, Map<String, CatalogBaseTable>> databases = new TreeMap<>();
    private final Map<String, Map<String, String>> databaseProperties = new TreeMap<>();
    private final Map<String, String> databaseComments = new TreeMap<>();

    public GenericInMemoryCatalog(String name, String defaultDatabase) {
        this.name = name;
        this.defaultDatabase = defaultDatabase;
        databases.put(defaultDatabase, new TreeMap<>());
    }

    @Override
    public String getDefaultDatabase() {
        return defaultDatabase;
    }

    @Override
    public List<String> listDatabases() {
        return new ArrayList<>(databases.keySet());
    }

    @Override
    public boolean databaseExists(String databaseName) {
        return databases.containsKey(databaseName);
    }

    @Override
    public void createDatabase(String databaseName, boolean ignoreIfExists) {
        if (databases.containsKey(databaseName) && !ignoreIfExists) {
            throw new ValidationException("Database " + name + "." + databaseName + " already exists");
        }
        databases.putIfAbsent(databaseName, new TreeMap<>());
    }

    @Override
    public void createDatabase(String databaseName, Map<String, String> properties, String comment,
            boolean ignoreIfExists) {
        if (databases.containsKey(databaseName)) {
            createDatabase(databaseName, ignoreIfExists);
            return;
        }
        createDatabase(databaseName, false);
        if (!properties.isEmpty()) {
            databaseProperties.put(databaseName, new java.util.LinkedHashMap<>(properties));
        }
        if (comment != null) {
            databaseComments.put(databaseName, comment);
        }
    }

    @Override
    public String getDatabaseComment(String databaseName) {
        database(databaseName);
        return databaseComments.get(databaseName);
    }

    @Override
    public void dropDatabase(String databaseName, boolean ignoreIfNotExists, boolean cascade) {
        Map<String, CatalogBaseTable> tables = databases.get(databaseName);
        if (tables == null) {
            if (ignoreIfNotExists) {
                return;
            }
            throw new ValidationException("Database " + name + "." + databaseName + " does not exist; the databases "
                    + "are " + databases.keySet() + " (DROP DATABASE IF EXISTS ignores a missing one)");
        }
        if (databaseName.equals(defaultDatabase)) {
            throw new ValidationException("Database " + name + "." + databaseName + " is the catalog's default "
                    + "database and cannot be dropped");
        }
        if (!tables.isEmpty() && !cascade) {
            throw new ValidationException("Database " + name + "." + databaseName + " is not empty: it holds "
                    + tables.keySet() + "; drop them first, or use DROP DATABASE ... CASCADE");
        }
        databases.remove(databaseName);
        databaseProperties.remove(databaseName);
        databaseComments.remove(databaseName);
    }

    @Override
    public Map<String, String> getDatabaseProperties(String databaseName) {
        database(databaseName);
        return Map.copyOf(databaseProperties.getOrDefault(databaseName, Map.of()));
    }

    @Override
    public void alterDatabase(String databaseName, Map<String, String> properties) {
        database(databaseName);
        databaseProperties.put(databaseName, new java.util.LinkedHashMap<>(properties));
    }

    @Override
    public List<String> listTables(String databaseName) {
        return new ArrayList<>(database(databaseName).keySet());
    }

    @Override
    public List<String> listViews(String databaseName) {
        return database(databaseName).entrySet().stream()
                .filter(e -> e.getValue() instanceof CatalogView).map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<CatalogBaseTable> getTable(ObjectPath path) {
        Map<String, CatalogBaseTable> tables = databases.get(path.databaseName());
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(path.objectName()));
    }

    @Override
    public void createTable(ObjectPath path, CatalogBaseTable table, boolean ignoreIfExists) {
        Map<String, CatalogBaseTable> tables = database(path.databaseName());
        if (tables.containsKey(path.objectName())) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Table or view " + name + "." + path.fullName()
                    + " already exists; use CREATE ... IF NOT EXISTS, or DROP it first");
        }
        tables.put(path.objectName(), table);
    }

    @Override
    public void dropTable(ObjectPath path, boolean ignoreIfNotExists) {
        Map<String, CatalogBaseTable> tables = database(path.databaseName());
        if (tables.remove(path.objectName()) == null && !ignoreIfNotExists) {
            throw new ValidationException("Table or view " + name + "." + path.fullName()
                    + " does not exist; use DROP ... IF EXISTS to ignore that");
        }
    }

    private Map<String, CatalogBaseTable> database(String databaseName) {
        Map<String, CatalogBaseTable> tables = databases.get(databaseName);
        if (tables == null) {
            throw new ValidationException("Database " + name + "." + databaseName + " does not exist; "
                    + "the databases are " + databases.keySet());
        }
        return tables;
    }
}
