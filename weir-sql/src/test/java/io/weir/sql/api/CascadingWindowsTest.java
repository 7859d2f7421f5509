package io.weir.sql.api;

import static io.weir.sql.api.Expressions.$;
import static io.weir.sql.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cascading windows in the Table API, as in Flink: a window on the {@code rowtime()} of an earlier
 * window's result groups the earlier windows' rows by that time (the end of their window minus 1 ms),
 * and gives what the same query in SQL gives, at parallelism 1 and 2.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CascadingWindowsTest {

    private static List<String> rows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            iterator.forEachRemaining(row -> rows.add(row.toString()));
        }
        rows.sort(null);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aWindowOnAnEarlierWindowsRowtimeGroupsItsRows(int parallelism) throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.getConfig().set("pipeline.auto-watermark-interval", "0");
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        tableEnv.executeSql("""
                CREATE TABLE orders (usr STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
                  'connector' = 'values',
                  'data' = '+I[ann, 10, 2024-01-01 00:00:01]; +I[bob, 25, 2024-01-01 00:00:04];
                            +I[ann, 5, 2024-01-01 00:00:07]; +I[cid, 40, 2024-01-01 00:00:12];
                            +I[bob, 15, 2024-01-01 00:00:13]; +I[ann, 30, 2024-01-01 00:00:21]'
                )""");
        Table perFiveSeconds = tableEnv.from("orders")
                .window(Tumble.over(lit(5).seconds()).on($("ts")).as("w"))
                .groupBy($("w"), $("usr"))
                .select($("usr"), $("w").rowtime().as("rt"), $("amount").sum().as("total"));
        Table perTwentySeconds = perFiveSeconds
                .window(Tumble.over(lit(20).seconds()).on($("rt")).as("w2"))
                .groupBy($("w2"))
                .select($("w2").start().as("s"), $("w2").end().as("e"), $("total").sum().as("total"),
                        $("usr").count().as("n"));
        List<String> sql = rows(tableEnv.executeSql("""
                SELECT TUMBLE_START(rt, INTERVAL '20' SECOND) AS s, TUMBLE_END(rt, INTERVAL '20' SECOND) AS e,
                       SUM(total) AS total, COUNT(usr) AS n
                FROM (SELECT usr, TUMBLE_ROWTIME(ts, INTERVAL '5' SECOND) AS rt, SUM(amount) AS total
                      FROM orders GROUP BY TUMBLE(ts, INTERVAL '5' SECOND), usr)
                GROUP BY TUMBLE(rt, INTERVAL '20' SECOND)"""));
        assertEquals(List.of("+I[2024-01-01T00:00, 2024-01-01T00:00:20, 95, 5]",
                "+I[2024-01-01T00:00:20, 2024-01-01T00:00:40, 30, 1]"), sql);
        assertEquals(sql, rows(perTwentySeconds.execute()), perTwentySeconds.toSqlString());
    }
}
