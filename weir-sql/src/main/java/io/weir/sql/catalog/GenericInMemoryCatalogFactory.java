package io.weir.sql.catalog;

import io.weir.sql.api.ValidationException;
import java.util.Set;

/**
 * {@code 'type' = 'generic_in_memory'}: a {@link GenericInMemoryCatalog}, whose default database is
 * {@code 'default-database'} ({@value #DEFAULT_DATABASE} unless given), as Flink's.
 */
public final class GenericInMemoryCatalogFactory implements CatalogFactory {

    public static final String IDENTIFIER = "generic_in_memory";
    public static final String DEFAULT_DATABASE = "default";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("default-database");
    }

    @Override
    public Catalog createCatalog(Context context) {
        String database = context.option("default-database", DEFAULT_DATABASE);
        if (database.isBlank()) {
            throw new ValidationException("Catalog " + context.name() + ": option 'default-database' must name a "
                    + "database, not be empty");
        }
        return new GenericInMemoryCatalog(context.name(), database);
    }
}
