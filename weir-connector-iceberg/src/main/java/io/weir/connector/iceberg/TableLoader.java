package io.weir.connector.iceberg;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * Loads one table of a catalog, wherever the job needs it. As Flink's {@code TableLoader}, it
 * travels with the job (name and properties only); {@link #open()} opens the catalog, which stays
 * open until {@link #close()} because the loaded table commits through it (a JDBC catalog's
 * connection pool).
 *
 * <p>Threading: one user at a time; each writer and committer opens its own copy.
 */
public final class TableLoader implements Serializable, Closeable {
    private static final long serialVersionUID = 1L;

    private final CatalogLoader catalogLoader;
    private final String identifier; // TableIdentifier is not serializable
    private transient Catalog catalog;

    private TableLoader(CatalogLoader catalogLoader, String identifier) {
        this.catalogLoader = catalogLoader;
        this.identifier = identifier;
    }

    public static TableLoader fromCatalog(CatalogLoader catalogLoader, TableIdentifier identifier) {
        return new TableLoader(catalogLoader, identifier.toString());
    }

    public TableIdentifier identifier() {
        return TableIdentifier.parse(identifier);
    }

    public CatalogLoader catalogLoader() {
        return catalogLoader;
    }

    /** Opens the catalog; {@link #loadTable()} opens it too when it is not open yet. */
    public void open() {
        if (catalog == null) {
            catalog = catalogLoader.loadCatalog();
        }
    }

    public boolean isOpen() {
        return catalog != null;
    }

    /**
     * Loads the table's current metadata.
     *
     * @throws IllegalArgumentException naming the table and the catalog when the table does not exist
     */
    public Table loadTable() {
        open();
        try {
            return catalog.loadTable(identifier());
        } catch (NoSuchTableException e) {
            throw new IllegalArgumentException("Iceberg table " + identifier + " does not exist in the "
                    + catalogLoader + "; create it first (with Iceberg's Catalog.createTable, or in SQL with "
                    + "CREATE TABLE ... WITH ('connector' = 'iceberg', ...), which creates it when the job starts)", e);
        }
    }

    /** A copy that is not open, for another user. */
    public TableLoader copy() {
        return new TableLoader(catalogLoader, identifier);
    }

    @Override
    public void close() throws IOException {
        Catalog open = catalog;
        catalog = null;
        if (open instanceof Closeable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return identifier + " in the " + catalogLoader;
    }
}
