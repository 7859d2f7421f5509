package io.weir.sql.catalog;

import java.util.List;
import java.util.Map;

/**
 * A table: its schema and the connector options from {@code WITH (...)} that say where its rows
 * come from or go ({@code 'connector' = 'datagen'}, ...).
 */
public record CatalogTable(TableSchema schema, Map<String, String> options, List<String> partitionKeys,
        String comment) implements CatalogBaseTable {

    public CatalogTable {
        options = Map.copyOf(options);
        partitionKeys = List.copyOf(partitionKeys);
    }
}
