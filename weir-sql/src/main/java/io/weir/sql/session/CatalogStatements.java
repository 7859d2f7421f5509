package io.weir.sql.session;

import io.weir.api.types.Row;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogBaseTable;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.CatalogView;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.parser.ddl.SqlAlterCatalogOrDatabase;
import io.weir.sql.parser.ddl.SqlCreateCatalogOrDatabase;
import io.weir.sql.parser.ddl.SqlDropCatalogOrDatabase;
import io.weir.sql.parser.ddl.SqlShowCreate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements about catalogs, databases and the DDL of tables: CREATE / DROP CATALOG and DATABASE,
 * DESCRIBE CATALOG, ALTER CATALOG, ALTER DATABASE and SHOW CREATE TABLE / VIEW / CATALOG, against the
 * session's catalogs.
 */
final class CatalogStatements {

    private final SessionCatalogs catalogs;

    CatalogStatements(SessionCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * DESCRIBE CATALOG [EXTENDED]: rows (info name, info value) of the catalog's name, type and
     * comment, with EXTENDED also each option as {@code option:key}, as Flink.
     */
    TableResult describeCatalog(String name, boolean extended) {
        SessionCatalogs.CatalogDescriptor descriptor = catalogs.catalogDescriptor(name);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("name", name));
        rows.add(Row.of("type", descriptor.options().getOrDefault("type", "generic_in_memory")));
        rows.add(Row.of("comment", descriptor.comment()));
        if (extended) {
            descriptor.options().forEach((key, value) -> rows.add(Row.of("option:" + key, value)));
        }
        return StaticTableResult.rows(List.of("info name", "info value"), rows);
    }

    /** ALTER CATALOG ... SET / RESET / COMMENT and ALTER DATABASE ... SET. */
    void alter(SqlAlterCatalogOrDatabase alter) {
        if (alter.isDatabase()) {
            List<String> names = alter.name().names;
            if (names.size() > 2) {
                throw new ValidationException("ALTER DATABASE " + alter.name() + ": a database name has at most two "
                        + "parts (catalog.database)");
            }
            String catalogName = names.size() == 2 ? names.get(0) : catalogs.currentCatalog();
            String database = names.get(names.size() - 1);
            io.weir.sql.catalog.Catalog catalog = catalogs.catalog(catalogName);
            if (!catalog.databaseExists(database)) {
                throw new ValidationException("ALTER DATABASE " + alter.name() + ": database " + catalogName + "."
                        + database + " does not exist; SHOW DATABASES lists them");
            }
            java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(catalog.getDatabaseProperties(database));
            properties.putAll(alter.options());
            catalog.alterDatabase(database, properties);
            return;
        }
        String name = alter.name().getSimple();
        SessionCatalogs.CatalogDescriptor current = catalogs.catalogDescriptor(name);
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(current.options());
        String comment = current.comment();
        switch (alter.action()) {
            case SET -> options.putAll(alter.options());
            case RESET -> {
                for (String key : alter.keys()) {
                    if (key.equals("type")) {
                        throw new ValidationException("ALTER CATALOG " + name + " RESET ('type'): a catalog's type "
                                + "cannot be reset, as in Flink");
                    }
                    options.remove(key);
                }
            }
            case COMMENT -> comment = alter.comment();
        }
        catalogs.alterCatalog(name, new SessionCatalogs.CatalogDescriptor(options, comment));
    }

    /** CREATE CATALOG / CREATE DATABASE. */
    void create(SqlCreateCatalogOrDatabase create) {
        String what = create.isDatabase() ? "DATABASE" : "CATALOG";
        if (create.getReplace()) {
            throw new ValidationException("CREATE OR REPLACE " + what + " " + create.name() + ": Flink has no OR REPLACE "
                    + "for a " + what.toLowerCase(java.util.Locale.ROOT) + "; DROP it and CREATE it again");
        }
        if (create.isDatabase()) {
            catalogs.createDatabase(create.name().names, create.options(), create.comment(), create.ifNotExists());
        } else {
            catalogs.createCatalog(create.name().getSimple(), create.options(), create.comment(), create.ifNotExists());
        }
    }

    /** DROP CATALOG / DROP DATABASE. */
    void drop(SqlDropCatalogOrDatabase drop) {
        if (drop.isDatabase()) {
            catalogs.dropDatabase(drop.name().names, drop.ifExists(), drop.isCascade());
        } else {
            catalogs.dropCatalog(drop.name().getSimple(), drop.ifExists());
        }
    }

    /** SHOW CREATE TABLE / VIEW / CATALOG: the DDL, as one row of column {@code result}, as in Flink. */
    TableResult showCreate(SqlShowCreate show) {
        if (show.isCatalog()) {
            String name = show.name().getSimple();
            SessionCatalogs.CatalogDescriptor descriptor = catalogs.catalogDescriptor(name);
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>(descriptor.options());
            if (options.isEmpty()) {
                // A catalog the session made itself (default_catalog): the DDL that makes its equal.
                options.put("default-database", catalogs.catalog(name).getDefaultDatabase());
                options.put("type", "generic_in_memory");
            }
            return StaticTableResult.list("result", List.of(ShowCreate.catalog(name, options, descriptor.comment())));
        }
        ObjectIdentifier id = catalogs.qualify(show.name().names);
        String kind = show.isView() ? "VIEW" : "TABLE";
        CatalogBaseTable table = catalogs.getTable(id).orElseThrow(() -> new ValidationException("SHOW CREATE " + kind
                + " " + id.asSummaryString() + ": there is no such " + kind.toLowerCase(java.util.Locale.ROOT)
                + "; SHOW " + kind + "S lists them"));
        boolean temporary = catalogs.isTemporary(id);
        if (table instanceof CatalogView view) {
            if (!show.isView()) {
                throw new ValidationException("SHOW CREATE TABLE " + id.asSummaryString() + ": it is a view; use SHOW "
                        + "CREATE VIEW");
            }
            return StaticTableResult.list("result", List.of(ShowCreate.view(id, view, temporary)));
        }
        if (show.isView()) {
            throw new ValidationException("SHOW CREATE VIEW " + id.asSummaryString() + ": it is a table; use SHOW "
                    + "CREATE TABLE");
        }
        return StaticTableResult.list("result", List.of(ShowCreate.table(id, (CatalogTable) table, temporary)));
    }
}
