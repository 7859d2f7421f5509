package io.weir.sql.session;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The planner's mode decides which OVER window functions run, as in Flink: a TableEnvironment made with
 * {@code EnvironmentSettings.inBatchMode()} runs LEAD, NTILE, CUME_DIST and PERCENT_RANK over a bounded
 * input; one in streaming mode refuses them at the call's place, saying how to run them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OverWindowFunctionsModeTest {

    private static final String QUERY = """
            SELECT k, v,
              LEAD(v) OVER w AS nxt, NTILE(2) OVER w AS half, CUME_DIST() OVER w AS cd, PERCENT_RANK() OVER w AS pr
            FROM (VALUES ('a', 1), ('a', 2), ('a', 3), ('b', 7)) AS t (k, v)
            WINDOW w AS (PARTITION BY k ORDER BY v)""";

    private static Set<Row> rows(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            iterator.forEachRemaining(rows::add);
        }
        assertEquals(rows.size(), new HashSet<>(rows).size(), rows::toString);
        return new HashSet<>(rows);
    }

    /** NTILE is BIGINT, as Flink's (Calcite's) type of it; CUME_DIST and PERCENT_RANK DOUBLE; LEAD the argument's. */
    @Test
    void batchModeRunsTheFunctionsThatNeedTheWholePartition() throws Exception {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        assertEquals(Set.of(
                Row.of("a", 1, 2, 1L, 1.0 / 3, 0.0),
                Row.of("a", 2, 3, 1L, 2.0 / 3, 0.5),
                Row.of("a", 3, null, 2L, 1.0, 1.0),
                Row.of("b", 7, null, 1L, 1.0, 0.0)), rows(batch.executeSql(QUERY)));
    }

    @Test
    void streamingModeRefusesThemAtTheirPlace() {
        TableEnvironment streaming = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        ValidationException e = assertThrows(ValidationException.class, () -> streaming.executeSql(QUERY));
        assertEquals(2, e.line(), e::getMessage);
        assertEquals(3, e.column(), e::getMessage);
        assertTrue(e.detail().startsWith("LEAD Function is not supported in stream mode"), e::getMessage);
        assertTrue(e.detail().contains("EnvironmentSettings.inBatchMode()"), e::getMessage);
    }

    @Test
    void theSessionOptionSwitchesTheModeToo() throws Exception {
        TableEnvironment session = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        session.executeSql("SET 'execution.runtime-mode' = 'batch'");
        assertEquals(4, rows(session.executeSql(QUERY)).size());
        session.executeSql("RESET 'execution.runtime-mode'");
        assertThrows(ValidationException.class, () -> session.executeSql(QUERY));
    }
}
