package io.weir.sql.planner;

import io.weir.sql.catalog.Catalog;
import io.weir.sql.catalog.CatalogBaseTable;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.CatalogView;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.functions.TemporalTableFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Presents a session's catalogs to Calcite as nested schemas: catalog, then database, then
 * tables and views. Built per statement, so it always reflects the catalogs' current contents.
 */
final class CatalogSchemas {

    private CatalogSchemas() {
    }

    static CalciteSchema rootSchema(SessionCatalogs catalogs) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        for (String catalogName : catalogs.listCatalogs()) {
            root.add(catalogName, new CatalogLevel(catalogs, catalogName));
        }
        return root;
    }

    /** The databases of one catalog. */
    private static final class CatalogLevel extends AbstractSchema {
        private final SessionCatalogs catalogs;
        private final String catalogName;

        CatalogLevel(SessionCatalogs catalogs, String catalogName) {
            this.catalogs = catalogs;
            this.catalogName = catalogName;
        }

        @Override
        protected Map<String, Schema> getSubSchemaMap() {
            Map<String, Schema> databases = new LinkedHashMap<>();
            Catalog catalog = catalogs.catalog(catalogName);
            for (String database : catalog.listDatabases()) {
                databases.put(database, new DatabaseLevel(catalogs, catalogName, database));
            }
            return databases;
        }
    }

    /**
     * The tables and views of one database, temporary ones included, and the versioned views of
     * temporal table functions under names no statement can write ({@link TemporalTableFunctionJoins}).
     */
    private static final class DatabaseLevel extends AbstractSchema {
        private final SessionCatalogs catalogs;
        private final String catalogName;
        private final String databaseName;

        DatabaseLevel(SessionCatalogs catalogs, String catalogName, String databaseName) {
            this.catalogs = catalogs;
            this.catalogName = catalogName;
            this.databaseName = databaseName;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            Map<String, Table> tables = new LinkedHashMap<>();
            for (String name : catalogs.listTables(catalogName, databaseName)) {
                ObjectIdentifier id = new ObjectIdentifier(catalogName, databaseName, name);
                CatalogBaseTable table = catalogs.getTable(id).orElseThrow();
                tables.put(name, table instanceof CatalogView view
                        ? new StoredViewTable(id, view) : new SourceTable(id, (CatalogTable) table));
            }
            catalogs.functions().systemFunctions().forEach((name, function) -> {
                if (function instanceof TemporalTableFunction temporal) {
                    String hidden = TemporalTableFunctionJoins.versionedViewName(name);
                    tables.put(hidden, new StoredViewTable(new ObjectIdentifier(catalogName, databaseName, hidden),
                            temporal.versionedView()));
                }
            });
            return tables;
        }
    }
}
