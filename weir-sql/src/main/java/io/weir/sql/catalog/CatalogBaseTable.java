package io.weir.sql.catalog;

/** What a catalog stores under a name: a {@link CatalogTable} or a {@link CatalogView}. */
public sealed interface CatalogBaseTable permits CatalogTable, CatalogView {

    TableSchema schema();

    /** The COMMENT text, or null. */
    String comment();
}
