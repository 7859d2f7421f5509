package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.SqlStatementParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CREATE / DROP CATALOG and DATABASE and SHOW CREATE CATALOG beyond the golden files: the DDL a
 * catalog shows creates it again, database properties and comments are kept, CASCADE takes the
 * database's functions along, and the statements unparse to what they parsed from.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CatalogDdlTest {

    @Test
    void showCreateCatalogGivesDdlThatCreatesTheCatalogAgain() throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("CREATE CATALOG c COMMENT 'mine' WITH ('type' = 'generic_in_memory', "
                + "'default-database' = 'main')");
        String ddl = single(tableEnv, "SHOW CREATE CATALOG c");
        assertEquals("CREATE CATALOG `c` COMMENT 'mine'\nWITH (\n  'default-database' = 'main',\n"
                + "  'type' = 'generic_in_memory'\n)\n", ddl);
        tableEnv.executeSql("USE CATALOG c");
        assertEquals(List.of("main"), rows(tableEnv, "SHOW DATABASES"));
        assertEquals("main", single(tableEnv, "SHOW CURRENT DATABASE"));
        tableEnv.executeSql("USE CATALOG default_catalog");
        tableEnv.executeSql("DROP CATALOG c");
        tableEnv.executeSql(ddl);
        assertEquals(List.of("c", "default_catalog"), rows(tableEnv, "SHOW CATALOGS"));
        assertEquals(List.of("comment", "mine"), List.of(rows(tableEnv, "DESCRIBE CATALOG c").get(4),
                rows(tableEnv, "DESCRIBE CATALOG c").get(5)));
        assertTrue(single(tableEnv, "SHOW CREATE CATALOG default_catalog")
                .contains("'default-database' = 'default_database'"));
    }

    @Test
    void createDatabaseKeepsPropertiesAndDropCascadeTakesFunctions() {
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        session.executeSql("CREATE DATABASE db COMMENT 'sales' WITH ('owner' = 'ann')");
        var catalog = session.catalogs().catalog("default_catalog");
        assertEquals(java.util.Map.of("owner", "ann"), catalog.getDatabaseProperties("db"));
        assertEquals("sales", catalog.getDatabaseComment("db"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> session.executeSql("CREATE DATABASE db"));
        assertTrue(e.getMessage().contains("Database default_catalog.db already exists"), e.getMessage());

        session.executeSql("CREATE FUNCTION db.f AS '" + io.weir.sql.udf.TestFunctions.Scale.class.getName() + "'");
        e = assertThrows(ValidationException.class, () -> session.executeSql("DROP DATABASE db RESTRICT"));
        assertTrue(e.getMessage().contains("it holds the functions [f]"), e.getMessage());
        session.executeSql("DROP DATABASE db CASCADE");
        assertEquals(List.of("default_database"), catalog.listDatabases());
        session.executeSql("CREATE DATABASE db");
        // the function went with the database: the name is free again
        session.executeSql("CREATE FUNCTION db.f AS '" + io.weir.sql.udf.TestFunctions.Scale.class.getName() + "'");

        e = assertThrows(ValidationException.class, () -> session.executeSql("DROP DATABASE nope"));
        assertTrue(e.getMessage().contains("Database default_catalog.nope does not exist"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> session.executeSql("DROP CATALOG nope"));
        assertTrue(e.getMessage().contains("Catalog nope does not exist"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> session.executeSql("CREATE CATALOG c WITH ('k' = 'v')"));
        assertTrue(e.getMessage().contains("has no 'type'"), e.getMessage());
    }

    @Test
    void catalogStatementsUnparseAsWritten() {
        assertUnparses("CREATE CATALOG IF NOT EXISTS `c` COMMENT 'x' WITH ('type' = 'generic_in_memory')");
        assertUnparses("CREATE DATABASE `c`.`d` COMMENT 'x' WITH ('a' = 'b')");
        assertUnparses("DROP CATALOG IF EXISTS `c`");
        assertUnparses("DROP DATABASE IF EXISTS `c`.`d` CASCADE");
        assertUnparses("DROP DATABASE `d` RESTRICT");
        assertUnparses("SHOW CREATE CATALOG `c`");
    }

    private static void assertUnparses(String sql) {
        assertEquals(sql, SqlStatementParser.parse(sql).toString().replace("\n", " ").replaceAll(" +", " "));
    }

    private static String single(TableEnvironment tableEnv, String statement) throws Exception {
        List<String> rows = rows(tableEnv, statement);
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    /** Every field of every row the statement returns, as text. */
    private static List<String> rows(TableEnvironment tableEnv, String statement) throws Exception {
        List<String> values = new ArrayList<>();
        try (var rows = tableEnv.executeSql(statement).collect()) {
            rows.forEachRemaining(row -> {
                for (int i = 0; i < row.getArity(); i++) {
                    values.add(row.getField(i) == null ? null : String.valueOf(row.getField(i)));
                }
            });
        }
        return values;
    }
}
