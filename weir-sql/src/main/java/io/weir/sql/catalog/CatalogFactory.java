package io.weir.sql.catalog;

import java.util.Map;
import java.util.Set;

/**
 * Makes a {@link Catalog} for {@code CREATE CATALOG name WITH ('type' = '...', ...)}, found by its
 * {@code 'type'} through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/io.weir.sql.catalog.CatalogFactory}), as Flink's CatalogFactory.
 */
public interface CatalogFactory {

    /** The value of the {@code 'type'} option that selects this factory. */
    String factoryIdentifier();

    /** Option keys the catalog reads besides {@code type}; any other key is refused naming these. */
    Set<String> supportedOptions();

    /** A new catalog; its options are checked against {@link #supportedOptions()} already. */
    Catalog createCatalog(Context context);

    /** What a factory is told: the catalog's name and its WITH options (with {@code type}). */
    record Context(String name, Map<String, String> options) {

        public Context {
            options = Map.copyOf(options);
        }

        public String option(String key, String defaultValue) {
            return options.getOrDefault(key, defaultValue);
        }
    }
}
