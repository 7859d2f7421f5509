package io.weir.sql.connectors;

import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link TableFactory} named by a table's {@code 'connector'} option and checks its options. */
public final class TableFactories {

    private TableFactories() {
    }

    public static TableFactory find(String tableName, CatalogTable table) {
        String connector = table.options().get("connector");
        if (connector == null) {
            throw new ValidationException("Table " + tableName + " has no 'connector' option; add one to its WITH "
                    + "clause, e.g. 'connector' = 'datagen'. Available connectors: " + available().keySet());
        }
        TableFactory factory = available().get(connector);
        if (factory == null) {
            throw new ValidationException("Table " + tableName + " names connector '" + connector
                    + "', which Weir does not have; available connectors: " + available().keySet());
        }
        checkOptions(tableName, table, factory);
        return factory;
    }

    private static Map<String, TableFactory> available() {
        Map<String, TableFactory> factories = new TreeMap<>();
        for (TableFactory factory : ServiceLoader.load(TableFactory.class, TableFactories.class.getClassLoader())) {
            factories.put(factory.factoryIdentifier(), factory);
        }
        return factories;
    }

    private static void checkOptions(String tableName, CatalogTable table, TableFactory factory) {
        List<String> columns = table.schema().columnNames();
        for (String key : table.options().keySet()) {
            if (key.equals("connector") || supported(key, factory, columns)) {
                continue;
            }
            String closest = closest(key, factory.supportedOptions());
            throw new ValidationException("Unsupported option '" + key + "' for connector '"
                    + factory.factoryIdentifier() + "' of table " + tableName
                    + (closest == null ? "" : "; did you mean '" + closest + "'?")
                    + " Supported options: " + new TreeMap<>(Map.of("", factory.supportedOptions())).get(""));
        }
    }

    private static boolean supported(String key, TableFactory factory, List<String> columns) {
        for (String option : factory.supportedOptions()) {
            if (option.equals(key)) {
                return true;
            }
            if (option.endsWith(".*") && key.startsWith(option.substring(0, option.length() - 1))
                    && key.length() > option.length() - 1) {
                return true;
            }
            int hash = option.indexOf('#');
            if (hash >= 0) {
                String prefix = option.substring(0, hash);
                String suffix = option.substring(hash + 1);
                if (key.startsWith(prefix) && key.endsWith(suffix) && key.length() > prefix.length() + suffix.length()
                        && columns.contains(key.substring(prefix.length(), key.length() - suffix.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String closest(String key, Iterable<String> options) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            int distance = distance(key, option);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = option;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** For error messages: the names of the available connectors. */
    public static List<String> names() {
        return new ArrayList<>(available().keySet());
    }
}
