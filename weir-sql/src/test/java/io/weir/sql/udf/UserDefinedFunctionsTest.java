package io.weir.sql.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import io.weir.sql.functions.ScalarFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Registering user-defined functions through the Table API; the golden files under sql/udf run them in SQL. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public class UserDefinedFunctionsTest {

    private final TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

    /** Configured through its constructor: an instance is registered, not a class. */
    public static class Prefix extends ScalarFunction {
        private final String prefix;

        public Prefix(String prefix) {
            this.prefix = prefix;
        }

        public String eval(String s) {
            return prefix + s;
        }
    }

    private static class Hidden extends ScalarFunction {
        public int eval(int i) {
            return i;
        }
    }

    private static List<String> rows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            iterator.forEachRemaining(row -> rows.add(row.toString()));
        }
        return rows;
    }

    @Test
    void anAggregateFunctionIsOpenedAndClosedInEverySubtask() throws Exception {
        int openedBefore = TestFunctions.OpenCloseCount.OPENED.get();
        int closedBefore = TestFunctions.OpenCloseCount.CLOSED.get();
        tableEnv.getConfig().set("parallelism.default", "2");
        tableEnv.createTemporarySystemFunction("open_count", TestFunctions.OpenCloseCount.class);
        TableResult result = tableEnv.executeSql("SELECT k, open_count(v) FROM (VALUES ('a', CAST(1 AS BIGINT)), "
                + "('b', CAST(2 AS BIGINT)), ('a', CAST(3 AS BIGINT))) AS t(k, v) GROUP BY k");
        List<String> rows = rows(result);
        result.await(); // the tasks close their operators before the job finishes
        assertTrue(rows.contains("+U[a, 2]") || rows.contains("+I[a, 2]"), rows.toString());
        // Other tests may run the function at the same time, so the counts are compared as they grew.
        int opened = TestFunctions.OpenCloseCount.OPENED.get() - openedBefore;
        int closed = TestFunctions.OpenCloseCount.CLOSED.get() - closedBefore;
        assertTrue(opened >= 2, "opened in " + opened + " subtasks");
        assertEquals(opened, closed, "every opened function is closed when the job ends");
    }

    @Test
    void aRegisteredInstanceKeepsItsConfiguration() throws Exception {
        tableEnv.createTemporarySystemFunction("prefixed", new Prefix("> "));
        assertEquals(List.of("+I[> a]", "+I[> b]"),
                rows(tableEnv.executeSql("SELECT PREFIXED(s) FROM (VALUES ('a'), ('b')) AS t(s)")));
    }

    @Test
    void catalogFunctionsAreFoundByQualifiedNameAndListedUntilDropped() throws Exception {
        tableEnv.createTemporaryFunction("default_catalog.default_database.split",
                TestFunctions.SplitFunction.class);
        assertEquals(List.of("split"), Arrays.asList(tableEnv.listUserDefinedFunctions()));
        assertEquals(List.of("+I[x, 1]"), rows(tableEnv.executeSql(
                "SELECT word, length FROM (VALUES ('x')) AS t(s), LATERAL TABLE(default_database.split(s))")));
        assertTrue(rows(tableEnv.executeSql("SHOW FUNCTIONS")).contains("+I[split]"));
        assertTrue(tableEnv.dropTemporaryFunction("split"));
        assertFalse(tableEnv.dropTemporaryFunction("split"));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("SELECT * FROM (VALUES ('x')) AS t(s), LATERAL TABLE(split(s))"));
        assertTrue(unknown.getMessage().contains("split"), unknown.getMessage());
    }

    @Test
    void aClassGeneratedCodeCannotCallIsRefusedAtRegistration() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> tableEnv.createTemporarySystemFunction("hidden", Hidden.class));
        assertTrue(e.getMessage().contains("must be public"), e.getMessage());
    }

    @Test
    void aFunctionOverOneSideOfAJoinKeyIsComputedBeforeTheJoin() throws Exception {
        tableEnv.createTemporarySystemFunction("prefixed", new Prefix("> "));
        assertEquals(List.of("+I[a, > a]"), rows(tableEnv.executeSql("""
                SELECT * FROM (VALUES ('a'), ('b')) AS l(s) JOIN (VALUES ('> a')) AS r(t) ON prefixed(l.s) = r.t
                  AND l.s <> r.t""")));
    }
}
