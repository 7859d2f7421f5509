package io.weir.sql.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Temporal table functions: Table.createTemporalTableFunction, called with LATERAL TABLE, at parallelism 1 and 2. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TemporalTableFunctionTest {

    private final TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

    private void createTables(int parallelism) {
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        tableEnv.executeSql("SET 'pipeline.auto-watermark-interval' = '0'");
        tableEnv.executeSql("""
                CREATE TABLE orders (id INT, cur STRING, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time)
                WITH ('connector' = 'values', 'data' = '+I[1, EUR, 2024-01-01 00:00:02]; +I[2, EUR, 2024-01-01 00:00:06];
                  +I[3, USD, 2024-01-01 00:00:07]; +I[4, EUR, 2024-01-01 00:00:09]; +I[5, GBP, 2024-01-01 00:00:09]')""");
        tableEnv.executeSql("""
                CREATE TABLE rate_history (cur STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
                WITH ('connector' = 'values', 'data' = '+I[EUR, 1, 2024-01-01 00:00:01]; +I[USD, 7, 2024-01-01 00:00:01];
                  +I[EUR, 2, 2024-01-01 00:00:05]; +I[EUR, 3, 2024-01-01 00:00:08]; +I[USD, 8, 2024-01-01 00:00:20]')""");
        tableEnv.createTemporarySystemFunction("rates",
                tableEnv.sqlQuery("SELECT * FROM rate_history").createTemporalTableFunction("ts", "cur"));
    }

    private static List<String> sortedRows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            iterator.forEachRemaining(row -> rows.add(row.toString()));
        }
        rows.sort(null);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void ordersJoinTheRateValidAtTheirTime(int parallelism) throws Exception {
        createTables(parallelism);
        assertEquals(List.of("+I[1, EUR, 1]", "+I[2, EUR, 2]", "+I[3, USD, 7]", "+I[4, EUR, 3]"), sortedRows(
                tableEnv.executeSql("""
                        SELECT o.id, o.cur, r.rate
                        FROM orders AS o, LATERAL TABLE (rates(o.order_time)) AS r
                        WHERE r.cur = o.cur""")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1})
    void theKeyEqualityIsRequired(int parallelism) {
        createTables(parallelism);
        ValidationException e = assertThrows(ValidationException.class, () -> tableEnv.executeSql(
                "SELECT o.id, r.rate FROM orders AS o, LATERAL TABLE (rates(o.order_time)) AS r"));
        assertTrue(e.getMessage().contains("needs its key equality in the WHERE clause"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1})
    void anUnknownKeyColumnIsNamed(int parallelism) {
        createTables(parallelism);
        ValidationException e = assertThrows(ValidationException.class,
                () -> tableEnv.sqlQuery("SELECT * FROM rate_history").createTemporalTableFunction("ts", "currency"));
        assertTrue(e.getMessage().contains("no column 'currency'"), e.getMessage());
    }

    /**
     * Over processing time, as in Flink: each order joins the latest rate of its currency when the
     * order is processed (operator ProcTimeTemporalJoin). Which rate that is depends on how the two
     * sources' rows interleave, so the test checks that each joined row pairs an order with a rate of
     * its own currency; ProcTimeTemporalJoinOperatorTest checks which version joins on a set order.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void overProcessingTimeOrdersJoinALatestRateOfTheirCurrency(int parallelism) throws Exception {
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        tableEnv.executeSql("""
                CREATE TABLE orders (id INT, cur STRING, pt AS PROCTIME())
                WITH ('connector' = 'values', 'data' = '+I[1, EUR]; +I[2, EUR]; +I[3, USD]; +I[4, GBP]')""");
        tableEnv.executeSql("""
                CREATE TABLE rate_history (cur STRING, rate INT, pt AS PROCTIME())
                WITH ('connector' = 'values', 'data' = '+I[EUR, 1]; +I[USD, 7]; +I[EUR, 2]')""");
        tableEnv.createTemporarySystemFunction("rates",
                tableEnv.sqlQuery("SELECT * FROM rate_history").createTemporalTableFunction("pt", "cur"));
        List<String> rows = sortedRows(tableEnv.executeSql("""
                SELECT o.id, o.cur, r.rate
                FROM orders AS o, LATERAL TABLE (rates(o.pt)) AS r
                WHERE r.cur = o.cur"""));
        List<String> possible = List.of("+I[1, EUR, 1]", "+I[1, EUR, 2]", "+I[2, EUR, 1]", "+I[2, EUR, 2]",
                "+I[3, USD, 7]");
        assertTrue(possible.containsAll(rows), rows.toString());
        assertEquals(rows.stream().map(r -> r.substring(0, r.indexOf(','))).distinct().count(), rows.size(),
                "each order joins at most one version: " + rows);
    }
}
