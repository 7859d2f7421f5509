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
