package io.weir.sql.api;

import static io.weir.sql.api.Expressions.$;
import static io.weir.sql.api.Expressions.call;
import static io.weir.sql.api.Expressions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.functions.Collector;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.annotation.DataTypeHint;
import io.weir.sql.annotation.FunctionHint;
import io.weir.sql.functions.AggregateFunction;
import io.weir.sql.functions.ScalarFunction;
import io.weir.sql.functions.TableAggregateFunction;
import io.weir.sql.functions.TableFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The row-based operations (map, flatMap, aggregate, flatAggregate), lateral joins with table
 * functions and inline function objects in {@code call(...)}: each gives the rows of the SQL it
 * stands for, with the same functions registered by name, at parallelism 1 and 2 (compared as the
 * final rows of their changelogs); flatAggregate, which SQL has not, against rows worked out by hand.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public class RowBasedOperationsTest {

    /** Twice the amount and the name with a mark: a ROW result, flattened by map. */
    public static class Pair extends ScalarFunction {
        @DataTypeHint("ROW<x INT, y STRING>")
        public Row eval(Integer amount, String name) {
            return Row.of(amount * 2, name + "!");
        }
    }

    /** A scalar configured by its field: the inline instance carries it into the job. */
    public static class AddOffset extends ScalarFunction {
        private final int offset;

        public AddOffset() {
            this(0);
        }

        public AddOffset(int offset) {
            this.offset = offset;
        }

        public int eval(int value) {
            return value + offset;
        }
    }

    /** The letters of a name, each with its position; none for a name of one letter. */
    @FunctionHint(output = @DataTypeHint("ROW<letter STRING, pos INT>"))
    public static class Letters extends TableFunction<Row> {
        public void eval(String name) {
            if (name.length() > 1) {
                for (int i = 0; i < name.length(); i++) {
                    collect(Row.of(name.substring(i, i + 1), i + 1));
                }
            }
        }
    }

    public static class MinMaxAccumulator {
        public Integer min;
        public Integer max;
    }

    /** The smallest and largest value, as one ROW. */
    public static class MinMax extends AggregateFunction<Row, MinMaxAccumulator> {
        @Override
        public MinMaxAccumulator createAccumulator() {
            return new MinMaxAccumulator();
        }

        public void accumulate(MinMaxAccumulator acc, Integer value) {
            acc.min = acc.min == null ? value : Math.min(acc.min, value);
            acc.max = acc.max == null ? value : Math.max(acc.max, value);
        }

        @Override
        @DataTypeHint("ROW<lo INT, hi INT>")
        public Row getValue(MinMaxAccumulator acc) {
            return Row.of(acc.min, acc.max);
        }
    }

    public static class Top2Accumulator {
        public Integer first;
        public Integer second;
    }

    /** Flink's documented table aggregate: the two largest values of a group with their rank. */
    public static class Top2 extends TableAggregateFunction<Tuple2<Integer, Integer>, Top2Accumulator> {
        @Override
        public Top2Accumulator createAccumulator() {
            return new Top2Accumulator();
        }

        public void accumulate(Top2Accumulator acc, Integer value) {
            if (acc.first == null || value > acc.first) {
                acc.second = acc.first;
                acc.first = value;
            } else if (acc.second == null || value > acc.second) {
                acc.second = value;
            }
        }

        public void emitValue(Top2Accumulator acc, Collector<Tuple2<Integer, Integer>> out) {
            if (acc.first != null) {
                out.collect(Tuple2.of(acc.first, 1));
            }
            if (acc.second != null) {
                out.collect(Tuple2.of(acc.second, 2));
            }
        }
    }

    public static class Top2RetractAccumulator {
        public Integer first;
        public Integer second;
        public Integer oldFirst;
        public Integer oldSecond;
    }

    /**
     * Flink's documented Top2 with emitUpdateWithRetract: it emits only what changed, taking back the
     * ranks it emitted before, and keeps what it emitted in the accumulator.
     */
    public static class Top2WithRetract
            extends TableAggregateFunction<Tuple2<Integer, Integer>, Top2RetractAccumulator> {
        @Override
        public Top2RetractAccumulator createAccumulator() {
            return new Top2RetractAccumulator();
        }

        public void accumulate(Top2RetractAccumulator acc, Integer value) {
            if (acc.first == null || value > acc.first) {
                acc.second = acc.first;
                acc.first = value;
            } else if (acc.second == null || value > acc.second) {
                acc.second = value;
            }
        }

        public void emitUpdateWithRetract(Top2RetractAccumulator acc, RetractableCollector<Tuple2<Integer, Integer>> out) {
            if (!java.util.Objects.equals(acc.first, acc.oldFirst)) {
                if (acc.oldFirst != null) {
                    out.retract(Tuple2.of(acc.oldFirst, 1));
                }
                out.collect(Tuple2.of(acc.first, 1));
                acc.oldFirst = acc.first;
            }
            if (!java.util.Objects.equals(acc.second, acc.oldSecond)) {
                if (acc.oldSecond != null) {
                    out.retract(Tuple2.of(acc.oldSecond, 2));
                }
                out.collect(Tuple2.of(acc.second, 2));
                acc.oldSecond = acc.second;
            }
        }
    }

    /** A table aggregate without emitValue, which cannot give rows. */
    public static class NoEmit extends TableAggregateFunction<Integer, Top2Accumulator> {
        @Override
        public Top2Accumulator createAccumulator() {
            return new Top2Accumulator();
        }

        public void accumulate(Top2Accumulator acc, Integer value) {
        }
    }

    private TableEnvironment tableEnv;

    @BeforeEach
    void createTables() {
        tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("""
                CREATE TABLE orders (id INT, usr STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
                  'connector' = 'values',
                  'data' = '+I[1, ann, 10, 2024-01-01 00:00:01]; +I[2, bob, 25, 2024-01-01 00:00:04];
                            +I[3, ann, 5, 2024-01-01 00:00:07]; +I[4, c, 40, 2024-01-01 00:00:12];
                            +I[5, bob, 15, 2024-01-01 00:00:13]; +I[6, ann, 30, 2024-01-01 00:00:21]'
                )""");
        tableEnv.createTemporarySystemFunction("pair", Pair.class);
        tableEnv.createTemporarySystemFunction("add_offset", new AddOffset(100));
        tableEnv.createTemporarySystemFunction("letters", Letters.class);
        tableEnv.createTemporarySystemFunction("min_max", MinMax.class);
        tableEnv.createTemporarySystemFunction("top2", Top2.class);
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
    void mapFlattensTheScalarFunctionsRow(int parallelism) throws Exception {
        Table table = tableEnv.from("orders").map(call(new Pair(), $("amount"), $("usr")));
        assertSameRows("SELECT m.r.x AS x, m.r.y AS y FROM (SELECT pair(amount, usr) AS r FROM orders) AS m",
                table, parallelism);
        assertEquals(List.of("x", "y"), table.getResolvedSchema().columnNames());

        Table renamed = tableEnv.from("orders").map(call("pair", $("amount"), $("usr")).as("doubled", "marked"));
        assertEquals(List.of("doubled", "marked"), renamed.getResolvedSchema().columnNames());
        Table single = tableEnv.from("orders").map(call(new AddOffset(100), $("amount")));
        assertSameRows("SELECT add_offset(amount) AS _c0 FROM orders", single, parallelism);
        assertEquals(List.of("_c0"), single.getResolvedSchema().columnNames());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void inlineFunctionObjectsAreCalledLikeRegisteredOnes(int parallelism) throws Exception {
        Table table = tableEnv.from("orders")
                .filter(call(AddOffset.class, $("amount")).isGreater(10))
                .select($("id"), call(new AddOffset(100), $("amount")).as("shifted"));
        assertSameRows("SELECT id, add_offset(amount) AS shifted FROM orders WHERE amount > 10", table, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void flatMapGivesTheTableFunctionsRows(int parallelism) throws Exception {
        Table table = tableEnv.from("orders").flatMap(call(Letters.class, $("usr")));
        assertSameRows("SELECT w.* FROM orders, LATERAL TABLE(letters(usr)) AS w", table, parallelism);
        assertEquals(List.of("letter", "pos"), table.getResolvedSchema().columnNames());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lateralJoinsWithATableFunction(int parallelism) throws Exception {
        Table inner = tableEnv.from("orders").joinLateral(call(new Letters(), $("usr")).as("l", "p"))
                .select($("id"), $("l"), $("p"));
        assertSameRows("SELECT id, l, p FROM orders, LATERAL TABLE(letters(usr)) AS w(l, p)", inner, parallelism);

        Table filtered = tableEnv.from("orders").joinLateral(call(Letters.class, $("usr")), $("pos").isEqual($("id")));
        assertSameRows("SELECT * FROM orders, LATERAL TABLE(letters(usr)) AS w WHERE pos = id", filtered, parallelism);

        Table left = tableEnv.from("orders").leftOuterJoinLateral(call("letters", $("usr")))
                .select($("id"), $("letter"));
        assertSameRows("SELECT id, letter FROM orders LEFT JOIN LATERAL TABLE(letters(usr)) AS w ON TRUE", left,
                parallelism);
        Table leftTrue = tableEnv.from("orders").leftOuterJoinLateral(call(Letters.class, $("usr")), lit(true));
        assertSameRows("SELECT * FROM orders LEFT JOIN LATERAL TABLE(letters(usr)) AS w ON TRUE", leftTrue,
                parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aggregateFlattensTheAggregateFunctionsRow(int parallelism) throws Exception {
        Table grouped = tableEnv.from("orders").groupBy($("usr"))
                .aggregate(call(MinMax.class, $("amount")).as("low", "high"))
                .select($("usr"), $("high"), $("low"));
        assertSameRows("SELECT usr, a.r.hi AS high, a.r.lo AS low FROM (SELECT usr, min_max(amount) AS r FROM orders "
                + "GROUP BY usr) AS a", grouped, parallelism);

        Table all = tableEnv.from("orders").aggregate(call(new MinMax(), $("amount"))).select($("lo"), $("hi"));
        assertSameRows("SELECT a.r.lo AS lo, a.r.hi AS hi FROM (SELECT min_max(amount) AS r FROM orders) AS a", all,
                parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void flatAggregateEmitsTheTopTwoOfEachGroup(int parallelism) throws Exception {
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        Table top2 = tableEnv.from("orders").groupBy($("usr"))
                .flatAggregate(call(Top2.class, $("amount")).as("v", "rank"))
                .select($("usr"), $("v"), $("rank"));
        assertEquals(List.of("+I[ann, 10, 2]", "+I[ann, 30, 1]", "+I[bob, 15, 2]", "+I[bob, 25, 1]", "+I[c, 40, 1]"),
                finalRows(top2.execute()));

        Table overall = tableEnv.from("orders").flatAggregate(call("top2", $("amount"))).select($("f0"), $("f1"));
        assertEquals(List.of("+I[30, 2]", "+I[40, 1]"), finalRows(overall.execute()));
    }

    /**
     * As Flink's table aggregates, a changed result takes back the rows it emitted before with -D and
     * emits the new ones with +I (no -U/+U); ann's amounts come 10, 5, 30 in that order.
     */
    @Test
    void flatAggregateRetractsWithDeleteAndInsert() throws Exception {
        tableEnv.getConfig().set("parallelism.default", "1");
        Table top2 = tableEnv.from("orders").filter($("usr").isEqual("ann")).groupBy($("usr"))
                .flatAggregate(call(Top2.class, $("amount")).as("v", "rank"))
                .select($("v"), $("rank"));
        assertEquals(List.of("+I[10, 1]", "-D[10, 1]", "+I[10, 1]", "+I[5, 2]", "-D[10, 1]", "-D[5, 2]",
                "+I[30, 1]", "+I[10, 2]"), changelog(top2.execute()));
    }

    /**
     * emitUpdateWithRetract (Flink's RetractableCollector): only what changed is emitted, a retraction
     * as -D and a new row as +I, and the final rows equal those of emitValue.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void emitUpdateWithRetractEmitsOnlyTheChanges(int parallelism) throws Exception {
        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        Table withRetract = tableEnv.from("orders").groupBy($("usr"))
                .flatAggregate(call(Top2WithRetract.class, $("amount")).as("v", "rank"))
                .select($("usr"), $("v"), $("rank"));
        assertEquals(List.of("usr", "v", "rank"), withRetract.getResolvedSchema().columnNames());
        assertEquals(List.of("+I[ann, 10, 2]", "+I[ann, 30, 1]", "+I[bob, 15, 2]", "+I[bob, 25, 1]", "+I[c, 40, 1]"),
                finalRows(withRetract.execute()));
        if (parallelism == 1) {
            Table ann = tableEnv.from("orders").filter($("usr").isEqual("ann")).groupBy($("usr"))
                    .flatAggregate(call(Top2WithRetract.class, $("amount")).as("v", "rank"))
                    .select($("v"), $("rank"));
            // 10: first; 5: a second rank only; 30: a new first, and 10 moves to the second rank
            assertEquals(List.of("+I[10, 1]", "+I[5, 2]", "-D[10, 1]", "+I[30, 1]", "-D[5, 2]", "+I[10, 2]"),
                    changelog(ann.execute()));
        }
    }

    /** Every row of the result with its kind, in order. */
    private static List<String> changelog(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            iterator.forEachRemaining(row -> rows.add(row.toString()));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tumbleAndSessionWindowsHaveARowtime(int parallelism) throws Exception {
        Table tumble = tableEnv.from("orders").window(Tumble.over(lit(10).seconds()).on($("ts")).as("w"))
                .groupBy($("w"), $("usr"))
                .select($("usr"), $("w").start().as("s"), $("w").rowtime().as("t"), $("amount").sum().as("total"));
        assertSameRows("SELECT usr, window_start AS s, window_time AS t, SUM(amount) AS total FROM TABLE(TUMBLE("
                + "TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, window_time, "
                + "usr", tumble, parallelism);

        Table session = tableEnv.from("orders").window(Session.withGap(lit(5).seconds()).on($("ts")).as("s"))
                .groupBy($("s"), $("usr"))
                .select($("usr"), $("s").start().as("b"), $("s").end().as("e"), $("s").rowtime().as("t"),
                        $("id").count().as("n"));
        assertSameRows("SELECT usr, SESSION_START(ts, INTERVAL '5' SECOND) AS b, SESSION_END(ts, INTERVAL '5' SECOND) "
                + "AS e, SESSION_END(ts, INTERVAL '5' SECOND) - INTERVAL '0.001' SECOND AS t, COUNT(id) AS n "
                + "FROM orders GROUP BY SESSION(ts, INTERVAL '5' SECOND), usr", session, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void windowedAggregateAndFlatAggregate(int parallelism) throws Exception {
        Table aggregated = tableEnv.from("orders").window(Tumble.over(lit(10).seconds()).on($("ts")).as("w"))
                .groupBy($("w"), $("usr"))
                .aggregate(call(MinMax.class, $("amount")))
                .select($("usr"), $("w").start().as("s"), $("lo"), $("hi"));
        assertSameRows("SELECT usr, window_start AS s, a.r.lo AS lo, a.r.hi AS hi FROM (SELECT usr, window_start, "
                + "min_max(amount) AS r FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
                + "GROUP BY window_start, window_end, window_time, usr) AS a", aggregated, parallelism);

        tableEnv.getConfig().set("parallelism.default", String.valueOf(parallelism));
        Table top2 = tableEnv.from("orders").window(Tumble.over(lit(20).seconds()).on($("ts")).as("w"))
                .groupBy($("w"))
                .flatAggregate(call(new Top2(), $("amount")).as("v", "rank"))
                .select($("w").end().as("e"), $("v"), $("rank"));
        assertEquals(List.of("+I[2024-01-01T00:00:20, 25, 2]", "+I[2024-01-01T00:00:20, 40, 1]",
                "+I[2024-01-01T00:00:40, 30, 1]"), finalRows(top2.execute()));
    }

    @Test
    void aFunctionOfTheWrongKindIsRefusedWithTheOperationToUse() {
        Table orders = tableEnv.from("orders");
        ValidationException map = assertThrows(ValidationException.class,
                () -> orders.map(call(Letters.class, $("usr"))));
        assertTrue(map.getMessage().contains("map takes a ScalarFunction, but Letters is a TableFunction; use it in "
                + "flatMap, joinLateral or leftOuterJoinLateral"), map.getMessage());
        ValidationException flatMap = assertThrows(ValidationException.class,
                () -> orders.flatMap(call("pair", $("amount"), $("usr"))));
        assertTrue(flatMap.getMessage().contains("pair is a ScalarFunction"), flatMap.getMessage());
        ValidationException aggregate = assertThrows(ValidationException.class,
                () -> orders.groupBy($("usr")).aggregate(call(Top2.class, $("amount"))));
        assertTrue(aggregate.getMessage().contains("use it in flatAggregate"), aggregate.getMessage());
        ValidationException flatAggregate = assertThrows(ValidationException.class,
                () -> orders.flatAggregate(call(MinMax.class, $("amount"))));
        assertTrue(flatAggregate.getMessage().contains("MinMax is a AggregateFunction; use it in aggregate"),
                flatAggregate.getMessage());
        ValidationException notACall = assertThrows(ValidationException.class,
                () -> orders.flatMap($("usr").upperCase()));
        assertTrue(notACall.getMessage().contains("UPPER is no user-defined TableFunction"), notACall.getMessage());
    }

    @Test
    void misusesSayWhatToWrite() {
        Table orders = tableEnv.from("orders");
        ValidationException noEmit = assertThrows(ValidationException.class, () -> call(NoEmit.class, $("amount")));
        assertTrue(noEmit.getMessage().contains("declares no public emitValue(ACC acc, Collector<T> out)"),
                noEmit.getMessage());
        ValidationException leftPredicate = assertThrows(ValidationException.class,
                () -> orders.leftOuterJoinLateral(call(Letters.class, $("usr")), $("pos").isEqual(1)));
        assertTrue(leftPredicate.getMessage().contains("can only be empty or lit(true)"), leftPredicate.getMessage());
        ValidationException names = assertThrows(ValidationException.class,
                () -> orders.map(call(Pair.class, $("amount"), $("usr")).as("only")));
        assertTrue(names.getMessage().contains("gives 1 names, but the function's result has 2 fields [x, y]"),
                names.getMessage());
        ValidationException clash = assertThrows(ValidationException.class,
                () -> orders.joinLateral(call(Letters.class, $("usr")).as("usr", "p")));
        assertTrue(clash.getMessage().contains("repeat the table's columns"), clash.getMessage());
        ValidationException sessionKey = assertThrows(ValidationException.class, () -> orders
                .window(Session.withGap(lit(5).seconds()).on($("ts")).as("s")).groupBy($("s"), $("usr").upperCase()));
        assertTrue(sessionKey.getMessage().contains("session windows are formed per key, which must be a column"),
                sessionKey.getMessage());
        ValidationException manyNames = assertThrows(ValidationException.class,
                () -> orders.select($("id").as("a", "b")));
        assertTrue(manyNames.getMessage().contains("names the columns of a function's rows"), manyNames.getMessage());
    }
}
