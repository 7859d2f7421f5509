package io.weir.sql.api;

import static io.weir.sql.api.Expressions.$;
import static io.weir.sql.api.Expressions.and;
import static io.weir.sql.api.Expressions.call;
import static io.weir.sql.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each Table API operation gives the rows of the SQL query it stands for, run as SQL through
 * {@code executeSql}: both are compared as the final rows their changelogs add up to, at
 * parallelism 1 and 2.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TableApiTest {

    private TableEnvironment tableEnv;

    @BeforeEach
    void createTables() {
        tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.getConfig().set("pipeline.auto-watermark-interval", "0");
        tableEnv.executeSql("""
                CREATE TABLE orders (id INT, usr STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
                  'connector' = 'values',
                  'data' = '+I[1, ann, 10, 2024-01-01 00:00:01]; +I[2, bob, 25, 2024-01-01 00:00:04];
                            +I[3, ann, 5, 2024-01-01 00:00:07]; +I[4, cid, 40, 2024-01-01 00:00:12];
                            +I[5, bob, 15, 2024-01-01 00:00:13]; +I[6, ann, 30, 2024-01-01 00:00:21]'
                )""");
        tableEnv.executeSql("""
                CREATE TABLE users (name STRING, city STRING) WITH (
                  'connector' = 'values',
                  'data' = '+I[ann, Oslo]; +I[bob, Lima]; +I[dan, Rome]'
                )""");
    }

    private void assertSameRows(String sql, Table table, int parallelism) throws Exception {
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        List<String> expected = finalRows(tableEnv.executeSql(sql));
        assertFalse(expected.isEmpty(), "the SQL query returns rows");
        assertEquals(expected, finalRows(table.execute()), "Table API vs " + sql + "\nas " + table.toSqlString());
    }

    /** The rows a changelog adds up to, sorted by their text. */
    private static List<String> finalRows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                RowKind kind = row.getKind();
                row.setKind(RowKind.INSERT);
                if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                    rows.add(row.toString());
                } else {
                    assertTrue(rows.remove(row.toString()), "retracted row " + row + " was there");
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void selectFilterAndArithmetic(int parallelism) throws Exception {
        Table table = tableEnv.from("orders")
                .filter($("amount").isGreater(10).and($("usr").isNotEqual("cid")))
                .select($("id"), $("amount").times(2).plus(1).as("twice"), $("usr").upperCase().as("u"));
        assertSameRows("SELECT id, amount * 2 + 1 AS twice, UPPER(usr) AS u FROM orders "
                + "WHERE amount > 10 AND usr <> 'cid'", table, parallelism);
        assertEquals(List.of("id", "twice", "u"), table.getResolvedSchema().columnNames());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void groupByAggregates(int parallelism) throws Exception {
        Table table = tableEnv.from("orders").groupBy($("usr"))
                .select($("usr"), $("amount").sum().as("total"), $("id").count().as("n"),
                        $("amount").avg().as("mean"), $("amount").min().as("low"), $("amount").max().as("high"),
                        $("amount").mod(2).count().distinct().as("parities"));
        assertSameRows("SELECT usr, SUM(amount) AS total, COUNT(id) AS n, AVG(amount) AS mean, MIN(amount) AS low,"
                + " MAX(amount) AS high, COUNT(DISTINCT MOD(amount, 2)) AS parities FROM orders GROUP BY usr",
                table, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tumblingWindowGroupBy(int parallelism) throws Exception {
        Table table = tableEnv.from("orders")
                .window(Tumble.over(lit(10).seconds()).on($("ts")).as("w"))
                .groupBy($("w"), $("usr"))
                .select($("usr"), $("w").start().as("w_start"), $("w").end().as("w_end"), $("amount").sum().as("total"));
        assertSameRows("SELECT usr, TUMBLE_START(ts, INTERVAL '10' SECOND) AS w_start, TUMBLE_END(ts, INTERVAL '10' "
                + "SECOND) AS w_end, SUM(amount) AS total FROM orders GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), usr",
                table, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sessionWindowGroupBy(int parallelism) throws Exception {
        Table table = tableEnv.from("orders")
                .window(Session.withGap(lit(5).seconds()).on($("ts")).as("s"))
                .groupBy($("s"), $("usr"))
                .select($("usr"), $("s").end().as("s_end"), $("id").count().as("n"));
        assertSameRows("SELECT usr, SESSION_END(ts, INTERVAL '5' SECOND) AS s_end, COUNT(id) AS n FROM orders "
                + "GROUP BY SESSION(ts, INTERVAL '5' SECOND), usr", table, parallelism);
    }

    /**
     * A Session window on a processing-time column runs as a processing-time session window
     * aggregate (grouped by window_time too, which the operator computes); as in Flink, sessions still
     * open when the bounded input ends do not fire, so the result is empty.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sessionWindowOnProcessingTimeRuns(int parallelism) throws Exception {
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        tableEnv.executeSql("CREATE VIEW clicks AS SELECT usr, PROCTIME() AS pt FROM orders");
        Table table = tableEnv.from("clicks")
                .window(Session.withGap(lit(1).days()).on($("pt")).as("s"))
                .groupBy($("s"), $("usr"))
                .select($("usr"), $("s").start().as("s_start"), $("s").proctime().as("s_time"), $("usr").count().as("n"));
        assertEquals(List.of(), finalRows(table.execute()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void joinsWithAndWithoutCondition(int parallelism) throws Exception {
        Table orders = tableEnv.from("orders").select($("id"), $("usr"), $("amount"));
        Table users = tableEnv.from("users");
        assertSameRows("SELECT o.id, u.city FROM orders o JOIN users u ON o.usr = u.name",
                orders.join(users).where($("usr").isEqual($("name"))).select($("id"), $("city")), parallelism);
        assertSameRows("SELECT o.id, u.city FROM orders o LEFT JOIN users u ON o.usr = u.name",
                orders.leftOuterJoin(users, $("usr").isEqual($("name"))).select($("id"), $("city")), parallelism);
        assertSameRows("SELECT o.id, u.name FROM orders o FULL JOIN users u ON o.usr = u.name",
                orders.fullOuterJoin(users, $("usr").isEqual($("name"))).select($("id"), $("name")), parallelism);
        assertSameRows("SELECT o.id, u.name FROM orders o RIGHT JOIN users u ON o.usr = u.name AND o.amount > 10",
                orders.rightOuterJoin(users, and($("usr").isEqual($("name")), $("amount").isGreater(10)))
                        .select($("id"), $("name")), parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void orderByWithOffsetAndFetch(int parallelism) throws Exception {
        assertSameRows("SELECT * FROM orders ORDER BY amount DESC LIMIT 3",
                tableEnv.from("orders").orderBy($("amount").desc()).fetch(3), parallelism);
        assertSameRows("SELECT id FROM (SELECT * FROM orders ORDER BY amount LIMIT 2 OFFSET 1)",
                tableEnv.from("orders").orderBy($("amount").asc()).limit(1, 2).select($("id")), parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void columnOperations(int parallelism) throws Exception {
        Table orders = tableEnv.from("orders");
        assertSameRows("SELECT id AS a, usr AS b, amount AS c, ts AS d FROM orders", orders.as("a", "b", "c", "d"),
                parallelism);
        assertSameRows("SELECT *, amount * 10 AS cents FROM orders",
                orders.addColumns($("amount").times(10).as("cents")), parallelism);
        assertSameRows("SELECT id, usr, amount + 1 AS amount, ts FROM orders",
                orders.addOrReplaceColumns($("amount").plus(1).as("amount")), parallelism);
        assertSameRows("SELECT id, usr AS who, amount, ts FROM orders", orders.renameColumns($("usr").as("who")),
                parallelism);
        assertSameRows("SELECT id, amount FROM orders", orders.dropColumns($("usr"), $("ts")), parallelism);
        assertSameRows("SELECT DISTINCT usr FROM orders", orders.select($("usr")).distinct(), parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void unionAndUnionAll(int parallelism) throws Exception {
        Table names = tableEnv.from("orders").select($("usr"));
        Table others = tableEnv.from("users").select($("name"));
        assertSameRows("SELECT usr FROM orders UNION ALL SELECT name FROM users", names.unionAll(others), parallelism);
        assertSameRows("SELECT usr FROM orders UNION SELECT name FROM users", names.union(others), parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void intersectAndMinus(int parallelism) throws Exception {
        Table names = tableEnv.from("orders").select($("usr"));
        Table others = tableEnv.from("users").select($("name"));
        assertSameRows("SELECT usr FROM orders INTERSECT SELECT name FROM users", names.intersect(others), parallelism);
        assertSameRows("SELECT usr FROM orders INTERSECT ALL SELECT name FROM users", names.intersectAll(others),
                parallelism);
        assertSameRows("SELECT usr FROM orders EXCEPT SELECT name FROM users", names.minus(others), parallelism);
        assertSameRows("SELECT usr FROM orders EXCEPT ALL SELECT name FROM users", names.minusAll(others), parallelism);
        assertEquals(List.of("+I[ann]", "+I[ann]", "+I[bob]", "+I[cid]"), finalRows(names.minusAll(others).execute()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void slidingWindowGroupBy(int parallelism) throws Exception {
        Table table = tableEnv.from("orders")
                .window(Slide.over(lit(10).seconds()).every(lit(5).seconds()).on($("ts")).as("w"))
                .groupBy($("w"), $("usr"))
                .select($("usr"), $("w").start().as("w_start"), $("w").end().as("w_end"), $("amount").sum().as("total"));
        assertSameRows("SELECT usr, window_start AS w_start, window_end AS w_end, SUM(amount) AS total FROM TABLE(HOP("
                + "TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) "
                + "GROUP BY window_start, window_end, usr", table, parallelism);
        // ann's 10 at 00:01 lies in the windows starting at 23:59:55 and at 00:00:00.
        assertTrue(finalRows(table.execute()).contains("+I[ann, 2023-12-31T23:59:55, 2024-01-01T00:00:05, 10]"));
        Table times = tableEnv.from("orders")
                .window(Slide.over(lit(10).seconds()).every(lit(5).seconds()).on($("ts")).as("w"))
                .groupBy($("w")).select($("w").rowtime().as("t"), $("id").count().as("n"));
        assertSameRows("SELECT window_time AS t, COUNT(id) AS n FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), "
                + "INTERVAL '5' SECOND, INTERVAL '10' SECOND)) GROUP BY window_start, window_end, window_time",
                times, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void overWindows(int parallelism) throws Exception {
        Table running = tableEnv.from("orders")
                .window(Over.partitionBy($("usr")).orderBy($("ts")).preceding(Expressions.UNBOUNDED_RANGE).as("w"))
                .select($("id"), $("usr"), $("amount").sum().over($("w")).as("so_far"));
        assertSameRows("SELECT id, usr, SUM(amount) OVER (PARTITION BY usr ORDER BY ts RANGE BETWEEN UNBOUNDED "
                + "PRECEDING AND CURRENT ROW) AS so_far FROM orders", running, parallelism);
        Table lastTwo = tableEnv.from("orders")
                .window(Over.partitionBy($("usr")).orderBy($("ts")).preceding(Expressions.rowInterval(1L))
                        .following(Expressions.CURRENT_ROW).as("r"))
                .select($("id"), $("amount").max().over($("r")).as("m"));
        assertSameRows("SELECT id, MAX(amount) OVER (PARTITION BY usr ORDER BY ts ROWS BETWEEN 1 PRECEDING AND "
                + "CURRENT ROW) AS m FROM orders", lastTwo, parallelism);
        Table lastTenSeconds = tableEnv.from("orders")
                .window(Over.orderBy($("ts")).preceding(lit(10).seconds()).as("t"))
                .select($("id"), $("id").count().over($("t")).as("n"));
        assertSameRows("SELECT id, COUNT(id) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND "
                + "CURRENT ROW) AS n FROM orders", lastTenSeconds, parallelism);
    }

    @Test
    void windowMistakesSayWhatToWrite() {
        Table orders = tableEnv.from("orders");
        OverWindow w = Over.partitionBy($("usr")).orderBy($("ts")).preceding(Expressions.UNBOUNDED_RANGE)
                .following(Expressions.CURRENT_ROW).as("w");
        ValidationException mixed = assertThrows(ValidationException.class,
                () -> orders.window(w).select($("amount").sum().over($("w"))));
        assertTrue(mixed.getMessage().contains("CURRENT_RANGE for a window of time"), mixed.getMessage());
        OverWindow ok = Over.partitionBy($("usr")).orderBy($("ts")).as("ok");
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> orders.window(ok).select($("amount").sum().over($("nope"))));
        assertTrue(unknown.getMessage().contains("names no over window; the over windows are [$(\"ok\")]"),
                unknown.getMessage());
        ValidationException noColumn = assertThrows(ValidationException.class,
                () -> orders.window(Tumble.over(lit(10).seconds()).on($("tss")).as("w")));
        assertTrue(noColumn.getMessage().contains("on($(\"tss\")) names no column; the columns are [id, usr, amount, ts]"),
                noColumn.getMessage());
        ValidationException notAggregate = assertThrows(ValidationException.class, () -> $("amount").over($("ok")));
        assertTrue(notAggregate.getMessage().contains("needs an aggregate"), notAggregate.getMessage());
    }

    @Test
    void callsAndCastsAndLiterals() throws Exception {
        Table table = tableEnv.from("orders").select($("id"),
                call("UPPER", $("usr")).as("u"),
                $("amount").cast(DataTypes.BIGINT()).times(lit(3L)).as("big"),
                $("amount").between(5, 20).as("mid"),
                $("usr").in("ann", "cid").as("picked"),
                Expressions.ifThenElse($("amount").isGreaterOrEqual(25), "high", "low").as("level"),
                $("usr").concat("!").substring(1, 2).as("head"));
        assertSameRows("SELECT id, UPPER(usr) AS u, CAST(amount AS BIGINT) * CAST(3 AS BIGINT) AS big,"
                + " amount BETWEEN 5 AND 20 AS mid, usr IN ('ann', 'cid') AS picked,"
                + " CASE WHEN amount >= 25 THEN 'high' ELSE 'low' END AS level,"
                + " SUBSTRING(usr || '!' FROM 1 FOR 2) AS head FROM orders", table, 1);
    }

    @Test
    void sqlQueriesEndingInACommentCanBeBuiltOn() throws Exception {
        Table big = tableEnv.sqlQuery("SELECT id, amount FROM orders -- the orders\nWHERE amount > 20 -- big ones");
        assertSameRows("SELECT id FROM orders WHERE amount > 20", big.select($("id")), 1);
    }

    @Test
    void executeInsertWritesTheRows() throws Exception {
        tableEnv.executeSql("CREATE TABLE sink (id INT, amount INT) WITH ('connector' = 'blackhole')");
        TableResult result = tableEnv.from("orders").select($("id"), $("amount")).executeInsert("sink");
        result.await();
        assertTrue(result.getJobClient().isPresent());
    }

    @Test
    void aStatementSetRunsItsInsertsAsOneJob() throws Exception {
        tableEnv.executeSql("CREATE TABLE big (id INT) WITH ('connector' = 'blackhole')");
        tableEnv.executeSql("CREATE TABLE everything (id INT, amount INT) WITH ('connector' = 'blackhole')");
        StatementSet set = tableEnv.createStatementSet()
                .addInsertSql("INSERT INTO big SELECT id FROM orders WHERE amount > 20;")
                .addInsert("everything", tableEnv.from("orders").select($("id"), $("amount")));
        String plan = set.explain();
        assertTrue(plan.contains("big") && plan.contains("everything"), plan);
        TableResult result = set.execute();
        result.await();
        assertEquals(io.weir.api.execution.JobStatus.FINISHED,
                result.getJobClient().orElseThrow().getJobStatus().get());
        ValidationException notInsert = assertThrows(ValidationException.class,
                () -> tableEnv.createStatementSet().addInsertSql("SELECT 1"));
        assertTrue(notInsert.getMessage().contains("executeSql"), notInsert.getMessage());
        ValidationException empty = assertThrows(ValidationException.class, () -> tableEnv.createStatementSet().execute());
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void temporaryViewsOfTablesAreReadBySql() throws Exception {
        tableEnv.createTemporaryView("big", tableEnv.from("orders").filter($("amount").isGreater(20)));
        assertEquals(List.of("+I[2]", "+I[4]", "+I[6]"), finalRows(tableEnv.executeSql("SELECT id FROM big")));
    }

    @Test
    void mistakesAreReportedWhereTheyAreMade() {
        Table orders = tableEnv.from("orders");
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> orders.select($("nope")));
        assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
        ValidationException sameNames = assertThrows(ValidationException.class, () -> orders.join(orders));
        assertTrue(sameNames.getMessage().contains("must differ"), sameNames.getMessage());
        ValidationException noWindow = assertThrows(ValidationException.class, () -> orders
                .window(Tumble.over(lit(10).seconds()).on($("ts")).as("w")).groupBy($("usr")));
        assertTrue(noWindow.getMessage().contains("$(\"w\")"), noWindow.getMessage());
        ValidationException property = assertThrows(ValidationException.class,
                () -> orders.select($("w").start()));
        assertTrue(property.getMessage().contains("window"), property.getMessage());
    }
}
