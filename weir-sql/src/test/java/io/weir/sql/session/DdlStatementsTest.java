package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobStatus;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.parser.ddl.SqlAlterTable;
import io.weir.sql.parser.dml.RichSqlInsert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DDL/DML statements beyond the golden files: CTAS runs a job that finishes, ALTER statements
 * unparse to what they parsed from, INSERT OVERWRITE parses and is refused in BATCH mode by a sink
 * that cannot overwrite, and ALTER TABLE on a missing table fails unless IF EXISTS.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DdlStatementsTest {

    @Test
    void createTableAsSelectRunsTheInsertJob() throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '20')");
        TableResult ctas = tableEnv.executeSql(
                "CREATE TABLE dst WITH ('connector' = 'blackhole') AS SELECT id, id * 2 AS doubled FROM src");
        ctas.await();
        assertEquals(JobStatus.FINISHED, ctas.getJobClient().orElseThrow().getJobStatus().get());
        assertEquals(List.of("dst", "src"), List.of(tableEnv.listTables()));
    }

    @Test
    void createTableAsSelectOfABadQueryLeavesNoTable() {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        // the datagen table is a source only: planning the INSERT fails after the table was created
        assertThrows(ValidationException.class, () -> tableEnv.executeSql(
                "CREATE TABLE dst WITH ('connector' = 'datagen') AS SELECT id FROM src"));
        assertEquals(List.of("src"), List.of(tableEnv.listTables()));
    }

    @Test
    void createOrReplaceTableAsSelectReplacesTheTableAndKeepsItWhenTheQueryFails() throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
        tableEnv.executeSql("CREATE TABLE dst (x STRING) WITH ('connector' = 'blackhole')");
        tableEnv.executeSql("CREATE OR REPLACE TABLE dst WITH ('connector' = 'blackhole') AS SELECT id, id + 1 AS"
                + " nxt FROM src").await();
        assertEquals(List.of("id", "nxt"), column(tableEnv, "DESCRIBE dst", 0));
        tableEnv.executeSql("CREATE OR REPLACE TABLE fresh WITH ('connector' = 'blackhole') AS SELECT id FROM src")
                .await();
        assertEquals(List.of("dst", "fresh", "src"), List.of(tableEnv.listTables()));

        assertThrows(ValidationException.class, () -> tableEnv.executeSql(
                "CREATE OR REPLACE TABLE dst WITH ('connector' = 'datagen') AS SELECT id FROM src"));
        assertEquals(List.of("id", "nxt"), column(tableEnv, "DESCRIBE dst", 0), "a failed replace keeps the table");
        ValidationException e = assertThrows(ValidationException.class, () -> tableEnv.executeSql(
                "CREATE OR REPLACE TABLE dst (a INT) WITH ('connector' = 'blackhole')"));
        assertTrue(e.getMessage().contains("OR REPLACE goes with AS SELECT only"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> tableEnv.executeSql(
                "CREATE TABLE dst WITH ('connector' = 'blackhole') AS SELECT id FROM src"));
        assertTrue(e.getMessage().contains("already exists; DROP it first, choose another name, or CREATE OR REPLACE it"),
                e.getMessage());
    }

    @Test
    void showCreateTableAndViewGiveDdlThatCreatesThemAgain() throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("CREATE TABLE t (id INT NOT NULL COMMENT 'the id', ts TIMESTAMP(3), doubled AS id * 2,"
                + " `offset` BIGINT METADATA VIRTUAL, dt STRING, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,"
                + " PRIMARY KEY (id) NOT ENFORCED) COMMENT 'it''s a table' PARTITIONED BY (dt)"
                + " WITH ('connector' = 'blackhole')");
        String ddl = column(tableEnv, "SHOW CREATE TABLE t", 0).get(0);
        assertEquals("""
                CREATE TABLE `default_catalog`.`default_database`.`t` (
                  `id` INT NOT NULL COMMENT 'the id',
                  `ts` TIMESTAMP(3),
                  `doubled` AS `id` * 2,
                  `offset` BIGINT METADATA VIRTUAL,
                  `dt` STRING,
                  WATERMARK FOR `ts` AS `ts` - INTERVAL '5' SECOND,
                  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED
                ) COMMENT 'it''s a table'
                PARTITIONED BY (`dt`)
                WITH (
                  'connector' = 'blackhole'
                )
                """, ddl);
        List<List<String>> described = List.of(column(tableEnv, "DESCRIBE t", 0), column(tableEnv, "DESCRIBE t", 1));
        tableEnv.executeSql("DROP TABLE t");
        tableEnv.executeSql(ddl);
        assertEquals(described, List.of(column(tableEnv, "DESCRIBE t", 0), column(tableEnv, "DESCRIBE t", 1)));
        assertEquals(ddl, column(tableEnv, "SHOW CREATE TABLE t", 0).get(0));

        tableEnv.executeSql("CREATE TEMPORARY VIEW v AS SELECT id, dt FROM t WHERE id > 1");
        assertEquals("CREATE TEMPORARY VIEW `default_catalog`.`default_database`.`v` (\n  `id`,\n  `dt`\n)\n"
                + "AS SELECT id, dt FROM t WHERE id > 1\n", column(tableEnv, "SHOW CREATE VIEW v", 0).get(0));
        ValidationException e = assertThrows(ValidationException.class, () -> tableEnv.executeSql("SHOW CREATE TABLE v"));
        assertTrue(e.getMessage().contains("it is a view; use SHOW CREATE VIEW"), e.getMessage());
    }

    @Test
    void alterCatalogAndDatabaseChangeTheirOptionsAsDescribeCatalogShows() throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("ALTER CATALOG default_catalog SET ('owner' = 'ann', 'team' = 'data')");
        tableEnv.executeSql("ALTER CATALOG default_catalog COMMENT 'the session''s catalog'");
        tableEnv.executeSql("ALTER CATALOG default_catalog RESET ('team')");
        assertEquals(List.of("name", "type", "comment", "option:owner"),
                column(tableEnv, "DESCRIBE CATALOG EXTENDED default_catalog", 0));
        assertEquals(Arrays.asList("default_catalog", "generic_in_memory", "the session's catalog", "ann"),
                column(tableEnv, "DESCRIBE CATALOG EXTENDED default_catalog", 1));
        assertEquals(3, column(tableEnv, "DESCRIBE CATALOG default_catalog", 0).size());

        tableEnv.executeSql("ALTER DATABASE default_database SET ('k' = 'v')");
        tableEnv.executeSql("ALTER DATABASE default_catalog.default_database SET ('k2' = 'v2', 'k' = 'w')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("ALTER DATABASE nope SET ('k' = 'v')"));
        assertTrue(e.getMessage().contains("database default_catalog.nope does not exist"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> tableEnv.executeSql("ALTER CATALOG nope SET ('k' = 'v')"));
        assertTrue(e.getMessage().contains("Catalog nope does not exist"), e.getMessage());

        assertUnparses("ALTER CATALOG `c` SET ('a' = 'b')");
        assertUnparses("ALTER CATALOG `c` RESET ('a', 'b')");
        assertUnparses("ALTER CATALOG `c` COMMENT 'x'");
        assertUnparses("ALTER DATABASE `c`.`d` SET ('a' = 'b')");
    }

    /** Column {@code index} of every row the statement returns, as text (null stays null). */
    private static List<String> column(TableEnvironment tableEnv, String statement, int index) throws Exception {
        List<String> values = new ArrayList<>();
        try (var rows = tableEnv.executeSql(statement).collect()) {
            rows.forEachRemaining(row -> values.add(row.getField(index) == null ? null : String.valueOf(row.getField(index))));
        }
        return values;
    }

    @Test
    void alterStatementsUnparseAsWritten() {
        assertUnparses("ALTER TABLE `t` RENAME TO `u`");
        assertUnparses("ALTER TABLE IF EXISTS `t` SET ('a' = 'b')");
        assertUnparses("ALTER TABLE `t` RESET ('a', 'b')");
        assertUnparses("ALTER TABLE `t` DROP (`a`, `b`)");
        assertUnparses("ALTER TABLE `t` DROP WATERMARK");
        assertUnparses("ALTER VIEW `v` RENAME TO `w`");
        SqlAlterTable add = (SqlAlterTable) SqlStatementParser.parse(
                "ALTER TABLE t ADD (a INT FIRST, b AS a + 1 AFTER c, WATERMARK FOR ts AS ts)");
        assertEquals(SqlAlterTable.Action.ADD, add.action());
        assertEquals(2, add.parts().columns().size());
        assertEquals("", add.positions().get("a"));
        assertEquals("c", add.positions().get("b"));
        assertTrue(add.parts().watermark() != null);
    }

    @Test
    void insertOverwriteIsRefusedByASinkThatCannotOverwrite() {
        assertTrue(SqlStatementParser.parse("INSERT OVERWRITE t SELECT 1") instanceof RichSqlInsert);
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tableEnv.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        tableEnv.executeSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("INSERT OVERWRITE sink SELECT id FROM src"));
        assertTrue(e.getMessage().contains("connector 'blackhole' cannot overwrite"), e.getMessage());
    }

    @Test
    void alterTableOfAMissingTable() {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        ValidationException e = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("ALTER TABLE nope SET ('a' = 'b')"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        tableEnv.executeSql("ALTER TABLE IF EXISTS nope SET ('a' = 'b')");
    }

    private static void assertUnparses(String sql) {
        assertEquals(sql, SqlStatementParser.parse(sql).toString().replace("\n", " ").replaceAll(" +", " "));
    }
}
