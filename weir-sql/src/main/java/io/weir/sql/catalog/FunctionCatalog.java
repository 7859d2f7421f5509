package io.weir.sql.catalog;

import io.weir.sql.api.ValidationException;
import io.weir.sql.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user-defined functions of one session (Flink's FunctionCatalog). Function names are
 * case-insensitive, as in Flink. System functions are found by their simple name from any
 * catalog and database; catalog functions belong to one database and are found by their
 * qualified name, or their simple name while that database is current. A call resolves to a
 * temporary system function first, then a built-in, then a catalog function.
 *
 * <p>Functions created with {@code CREATE FUNCTION} live as long as the session, like temporary ones:
 * Weir's in-memory catalog keeps no functions of its own yet.
 */
public final class FunctionCatalog {

    private final Map<String, UserDefinedFunction> systemFunctions = new LinkedHashMap<>();
    private final Map<ObjectIdentifier, UserDefinedFunction> catalogFunctions = new LinkedHashMap<>();

    public void createSystemFunction(String name, UserDefinedFunction function, boolean ignoreIfExists) {
        String key = normalized(name);
        if (systemFunctions.containsKey(key)) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Temporary system function " + name + " already exists; drop it first "
                    + "(DROP TEMPORARY SYSTEM FUNCTION " + name + ")");
        }
        systemFunctions.put(key, function);
    }

    public void createCatalogFunction(ObjectIdentifier id, UserDefinedFunction function, boolean ignoreIfExists) {
        ObjectIdentifier key = normalized(id);
        if (catalogFunctions.containsKey(key)) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Function " + id.asSummaryString() + " already exists; drop it first");
        }
        catalogFunctions.put(key, function);
    }

    /** Drops a system function; false if there was none. */
    public boolean dropSystemFunction(String name) {
        return systemFunctions.remove(normalized(name)) != null;
    }

    /** Drops a catalog function; false if there was none. */
    public boolean dropCatalogFunction(ObjectIdentifier id) {
        return catalogFunctions.remove(normalized(id)) != null;
    }

    public Optional<UserDefinedFunction> systemFunction(String name) {
        return Optional.ofNullable(systemFunctions.get(normalized(name)));
    }

    public Optional<UserDefinedFunction> catalogFunction(ObjectIdentifier id) {
        return Optional.ofNullable(catalogFunctions.get(normalized(id)));
    }

    /** The system functions by their (lower-case) names. */
    public Map<String, UserDefinedFunction> systemFunctions() {
        return Map.copyOf(systemFunctions);
    }

    /** The names SHOW FUNCTIONS lists: system functions, then those of the given database. */
    public List<String> names(String catalogName, String databaseName) {
        List<String> names = new ArrayList<>(systemFunctions.keySet());
        for (ObjectIdentifier id : catalogFunctions.keySet()) {
            if (id.catalogName().equals(catalogName) && id.databaseName().equals(databaseName)) {
                names.add(id.objectName());
            }
        }
        return names;
    }

    /** The catalog functions of a database (or of a whole catalog when {@code databaseName} is null). */
    public List<ObjectIdentifier> catalogFunctions(String catalogName, String databaseName) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (ObjectIdentifier id : catalogFunctions.keySet()) {
            if (id.catalogName().equals(catalogName) && (databaseName == null || id.databaseName().equals(databaseName))) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static ObjectIdentifier normalized(ObjectIdentifier id) {
        return new ObjectIdentifier(id.catalogName(), id.databaseName(), normalized(id.objectName()));
    }
}
