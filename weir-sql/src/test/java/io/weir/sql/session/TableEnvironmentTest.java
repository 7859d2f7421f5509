package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobStatus;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.ResultKind;
import io.weir.sql.api.SqlParserException;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.Table;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TableEnvironmentTest {

    private final TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

    private static List<Row> rows(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            iterator.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static String printed(TableResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            result.print();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ddlShowAndDescribeWorkEndToEnd() throws Exception {
        TableResult created = tableEnv.executeSql("""
                CREATE TABLE orders (
                  id BIGINT NOT NULL,
                  price DECIMAL(10, 2),
                  total AS price * 2,
                  ts TIMESTAMP(3),
                  src STRING METADATA FROM 'topic' VIRTUAL,
                  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
                  PRIMARY KEY (id) NOT ENFORCED
                ) WITH ('connector' = 'datagen')""");
        assertEquals(ResultKind.SUCCESS, created.getResultKind());
        tableEnv.executeSql("CREATE TEMPORARY VIEW cheap AS SELECT id, price FROM orders WHERE price < 10");
        assertArrayEquals(new String[] {"cheap", "orders"}, tableEnv.listTables());
        assertArrayEquals(new String[] {"cheap"}, tableEnv.listViews());
        assertEquals(List.of(Row.of("cheap"), Row.of("orders")), rows(tableEnv.executeSql("SHOW TABLES")));
        assertEquals(List.of(Row.of("default_catalog")), rows(tableEnv.executeSql("SHOW CATALOGS")));
        assertEquals(List.of(Row.of("default_database")), rows(tableEnv.executeSql("SHOW CURRENT DATABASE")));

        assertEquals(List.of(
                Row.of("id", "BIGINT", false, "PRI(id)", null, null),
                Row.of("price", "DECIMAL(10, 2)", true, null, null, null),
                Row.of("total", "DECIMAL(21, 2)", true, null, "AS `price` * 2", null),
                Row.of("ts", "TIMESTAMP(3) *ROWTIME*", true, null, null, "`ts` - INTERVAL '5' SECOND"),
                Row.of("src", "STRING", true, null, "METADATA FROM 'topic' VIRTUAL", null)),
                rows(tableEnv.executeSql("DESCRIBE orders")));

        assertEquals("""
                +------------+
                | table name |
                +------------+
                |      cheap |
                |     orders |
                +------------+
                2 rows in set
                """, printed(tableEnv.executeSql("SHOW TABLES")));

        tableEnv.executeSql("DROP VIEW cheap");
        tableEnv.executeSql("DROP TABLE IF EXISTS nothing");
        ValidationException dropped = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("DROP TABLE nothing"));
        assertTrue(dropped.getMessage().contains("does not exist; use DROP TABLE IF EXISTS"), dropped.getMessage());
        assertArrayEquals(new String[] {"orders"}, tableEnv.listTables());
    }

    @Test
    void createTableLikeCopiesColumnsAndMergesOptions() throws Exception {
        tableEnv.executeSql("CREATE TABLE base (a INT, b STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5')");
        tableEnv.executeSql("CREATE TABLE copy (c DOUBLE) WITH ('number-of-rows' = '3') LIKE base");
        List<Row> columns = rows(tableEnv.executeSql("DESCRIBE copy"));
        assertEquals(List.of("a", "b", "c"), columns.stream().map(r -> (String) r.getField(0)).toList());
        assertEquals(List.of(Row.ofKind(io.weir.api.types.RowKind.INSERT, 3L)),
                rows(tableEnv.executeSql("SELECT CAST(COALESCE(a, 0) * 0 + 3 AS BIGINT) FROM copy WHERE a IS NULL OR a IS NOT NULL")).subList(0, 1));
    }

    @Test
    void setResetAndUseChangeTheSession() throws Exception {
        tableEnv.executeSql("SET 'table.exec.state.ttl' = '1 h'");
        assertEquals(List.of(Row.of("table.exec.state.ttl", "1 h")), rows(tableEnv.executeSql("SET")));
        tableEnv.executeSql("RESET 'table.exec.state.ttl'");
        assertEquals(List.of(), rows(tableEnv.executeSql("SET")));
        tableEnv.executeSql("USE CATALOG default_catalog");
        tableEnv.executeSql("USE default_database");
        ValidationException e = assertThrows(ValidationException.class, () -> tableEnv.executeSql("USE nowhere"));
        assertTrue(e.getMessage().contains("the databases are [default_database]"), e.getMessage());
    }

    @Test
    void queryPrintsAsAChangelogTableau() {
        String output = printed(tableEnv.executeSql("SELECT * FROM (VALUES (1, 'a'), (22, CAST(NULL AS STRING))) AS t(n, s)"));
        assertEquals("""
                +----+----+--------+
                | op |  n |      s |
                +----+----+--------+
                | +I |  1 |      a |
                | +I | 22 | <NULL> |
                +----+----+--------+
                Received a total of 2 rows
                """, output);
    }

    @Test
    void insertIntoPrintAndBlackholeRunsAJob() throws Exception {
        tableEnv.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '20')");
        tableEnv.executeSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        tableEnv.executeSql("CREATE TABLE printed (id BIGINT, doubled BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'test')");
        TableResult insert = tableEnv.executeSql("INSERT INTO sink SELECT id FROM src");
        insert.await();
        assertEquals(JobStatus.FINISHED, insert.getJobClient().orElseThrow().getJobStatus().get());
        TableResult set = tableEnv.executeSql("""
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO sink SELECT id FROM src;
                  INSERT INTO printed SELECT id, id * 2 FROM src WHERE id < 0;
                END""");
        set.await();
        assertEquals(JobStatus.FINISHED, set.getJobClient().orElseThrow().getJobStatus().get());
    }

    @Test
    void sessionOptionsReachTheJob() throws Exception {
        tableEnv.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
        tableEnv.executeSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        tableEnv.executeSql("SET 'state.backend.type' = 'no-such-backend'");
        Exception refused = assertThrows(Exception.class, () -> tableEnv.executeSql("INSERT INTO sink SELECT id FROM src").await());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("no-such-backend"), messages.toString());
        tableEnv.executeSql("RESET 'state.backend.type'");
        tableEnv.executeSql("INSERT INTO sink SELECT id FROM src").await();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment streamTableEnv = StreamTableEnvironment.create(env);
        streamTableEnv.executeSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
        streamTableEnv.executeSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        streamTableEnv.executeSql("SET 'execution.checkpointing.interval' = '1 min'");
        streamTableEnv.executeSql("INSERT INTO sink SELECT id FROM src").await();
        assertEquals(60_000, env.getCheckpointConfig().getCheckpointInterval());
    }

    @Test
    void sqlQueryReturnsATableThatRunsOnTheStreamEnvironment() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        StreamTableEnvironment streamTableEnv = StreamTableEnvironment.create(env);
        streamTableEnv.executeSql("CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', "
                + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '6')");
        Table table = streamTableEnv.sqlQuery("SELECT id * 100 AS big FROM gen WHERE id % 2 = 0");
        assertEquals("big", table.getResolvedSchema().columnNames().get(0));
        assertEquals("INT", table.getResolvedSchema().columns().get(0).type().toString());
        List<Integer> values = rows(table.execute()).stream().map(r -> (Integer) r.getField(0)).sorted().toList();
        assertEquals(List.of(200, 400, 600), values);
        assertTrue(table.explain().contains("LogicalCalc"), table.explain());
    }

    @Test
    void explainShowsTheConvertedAndOptimizedPlansAndTheOperators() throws Exception {
        List<Row> plan = rows(tableEnv.executeSql("EXPLAIN SELECT a + 1 FROM (VALUES (1), (2)) AS t(a) WHERE a > 1"));
        String text = (String) plan.get(0).getField(0);
        assertTrue(text.startsWith("== Abstract Syntax Tree ==\nLogicalProject"), text);
        String optimized = text.substring(text.indexOf("== Optimized Logical Plan =="), text.indexOf("== Physical"));
        assertTrue(optimized.contains("LogicalCalc") && optimized.contains("LogicalValues"), text);
        assertTrue(text.contains("== Physical Execution Plan ==\n[1] "), text);

        tableEnv.executeSql("CREATE TABLE ids (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3')");
        tableEnv.executeSql("CREATE TABLE counts (id INT, n BIGINT) WITH ('connector' = 'blackhole')");
        String insert = (String) rows(tableEnv.executeSql(
                "EXPLAIN INSERT INTO counts SELECT id, COUNT(*) FROM ids GROUP BY id")).get(0).getField(0);
        String operators = insert.substring(insert.indexOf("== Physical Execution Plan =="));
        // the aggregate reads its input by key, and the sink (the blackhole connector) is the last operator
        assertTrue(operators.matches("(?s).*GroupAggregate \\(parallelism \\d+\\) <- HASH from \\[\\d+\\].*"), insert);
        assertTrue(operators.strip().lines().reduce((a, b) -> b).orElseThrow().contains("blackhole"), insert);
    }

    @Test
    void explainDoesNotAddToTheStreamEnvironmentsJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment streamTableEnv = StreamTableEnvironment.create(env);
        streamTableEnv.executeSql("CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3')");
        streamTableEnv.executeSql("CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole')");
        streamTableEnv.executeSql("EXPLAIN INSERT INTO sink SELECT id FROM gen");
        assertTrue(env.createPipeline("after explain").sinks().isEmpty(), "EXPLAIN left operators in the environment");
    }

    @Test
    void errorsNameTheProblem() {
        SqlParserException parse = assertThrows(SqlParserException.class, () -> tableEnv.executeSql("SELEC 1"));
        assertTrue(parse.getMessage().startsWith("SQL parse error at line 1, column 1"), parse.getMessage());
        ValidationException missing = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("SELECT * FROM nope"));
        assertTrue(missing.getMessage().contains("Object 'nope' not found"), missing.getMessage());
        ValidationException two = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("SELECT 1; SELECT 2"));
        assertTrue(two.getMessage().contains("exactly one statement"), two.getMessage());
        ValidationException connector = assertThrows(ValidationException.class, () -> {
            tableEnv.executeSql("CREATE TABLE k (a INT) WITH ('connector' = 'kafkaa')");
            tableEnv.executeSql("SELECT * FROM k");
        });
        // The list grows with connectors on the class path (tests add 'values'), so check its shape only.
        assertTrue(connector.getMessage().contains("names connector 'kafkaa', which Weir does not have; available "
                + "connectors: [blackhole, datagen, ") && connector.getMessage().contains("print"), connector.getMessage());
    }
}
