package io.weir.sql.catalog;

import java.util.List;

/**
 * A view: a query stored by name, as written, with the catalog and database that were current
 * when it was created ({@code resolutionPath}), so its names mean the same whatever is current
 * when it is read.
 */
public record CatalogView(TableSchema schema, String originalQuery, List<String> resolutionPath, String comment)
        implements CatalogBaseTable {

    public CatalogView {
        resolutionPath = List.copyOf(resolutionPath);
    }

    /** The query text that is planned in place of the view. */
    public String expandedQuery() {
        return originalQuery;
    }
}
