package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobClient;
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.TableResult;
import io.weir.sql.connectors.TestValuesTableFactory;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed INSERT restores from the savepoint of the old one (docs/sql.md, "Changing a query and
 * keeping its state"): the stateful operators' uids come from the plan's stateful part, so a new
 * projected column and a changed filter keep the source's position and the aggregate's state, and
 * the results continue exactly as a failure-free run of the changed query gives them; a changed
 * grouping or aggregate fails to restore, naming the old operator, unless its state is dropped on
 * purpose.
 *
 * <p>The source emits 10 of its 40 rows, then 10 more per completed checkpoint: the first job runs
 * without checkpoints, so it stands at row 10 when it stops with a savepoint, whatever the machine's
 * speed; the later jobs checkpoint and read to the end.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class QueryUpgradeRestoreTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    private static final int ROWS = 40;
    private static final int FIRST_ROWS = 10;
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** Its aggregate reads the source directly: the changed queries put a filter or projection in between. */
    private static final String OLD_QUERY = "INSERT INTO out_table SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k";

    @Test
    void aNewProjectedColumnAndAChangedFilterContinueFromTheSavepoint(@TempDir Path savepoints) throws Exception {
        String savepoint = runUntilSavepoint(savepoints);
        // The new filter drops row 35 only, which the old job never read.
        String changed = "INSERT INTO out_table SELECT k, COUNT(*) AS cnt, SUM(v) AS total, SUM(v) * 2 + COUNT(*) "
                + "FROM src WHERE v <> 35 GROUP BY k";
        String restored = sinkId();
        TableEnvironment restoring = session(restored, true, true);
        restoring.executeSql("SET 'execution.state-recovery.path' = '" + savepoint + "'");
        finish(restoring.executeSql(changed));

        String failureFree = sinkId();
        finish(session(failureFree, true, true).executeSql(changed));

        Map<Integer, List<Object>> expected = finalRows(TestValuesTableFactory.written(failureFree));
        assertEquals(4, expected.size());
        // Every key changes after row 10, so the restored job's last row per key is its whole result.
        assertEquals(expected, finalRows(TestValuesTableFactory.written(restored)),
                "the restored changed query lost or double-counted rows");
        // and the source went on from row 10: the restored job aggregated 30 rows, less the filtered one
        long updates = TestValuesTableFactory.written(restored).stream()
                .filter(row -> row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER).count();
        assertEquals(ROWS - FIRST_ROWS - 1, updates);
    }

    @Test
    void aChangedGroupingFailsNamingTheOperatorUnlessItsStateIsDropped(@TempDir Path savepoints) throws Exception {
        String savepoint = runUntilSavepoint(savepoints);
        String regrouped = "INSERT INTO out_table SELECT k % 3, COUNT(*), SUM(v) FROM src GROUP BY k % 3";
        String message = restoreFailure(savepoint, regrouped);
        assertTrue(message.contains("GroupAggregate[k; COUNT(),SUM(v)]"), message);
        assertTrue(message.contains("execution.state-recovery.ignore-unclaimed-state"), message);

        // Dropping the old aggregate's state on purpose: the source keeps its position, the new aggregate starts empty.
        String dropped = sinkId();
        TableEnvironment restoring = session(dropped, true, false);
        restoring.executeSql("SET 'execution.state-recovery.path' = '" + savepoint + "'");
        restoring.executeSql("SET 'execution.state-recovery.ignore-unclaimed-state' = 'true'");
        finish(restoring.executeSql(regrouped));
        long counted = finalRows(TestValuesTableFactory.written(dropped)).values().stream()
                .mapToLong(row -> (Long) row.get(0)).sum();
        assertEquals(ROWS - FIRST_ROWS, counted);
    }

    @Test
    void aChangedAggregateFailsToRestore(@TempDir Path savepoints) throws Exception {
        String savepoint = runUntilSavepoint(savepoints);
        String message = restoreFailure(savepoint,
                "INSERT INTO out_table SELECT k, COUNT(*), MAX(v) FROM src GROUP BY k");
        assertTrue(message.contains("GroupAggregate[k; COUNT(),SUM(v)]"), message);
        assertTrue(message.contains("ignore-unclaimed-state"), message);
    }

    /** Runs the old query until it has aggregated the first 10 rows, then stops it with a savepoint. */
    private static String runUntilSavepoint(Path savepoints) throws Exception {
        String sinkId = sinkId();
        TableResult result = session(sinkId, false, false).executeSql(OLD_QUERY);
        JobClient job = result.getJobClient().orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (updates(TestValuesTableFactory.written(sinkId)) < FIRST_ROWS) {
            assertTrue(System.nanoTime() < deadline, "the old query did not aggregate its first " + FIRST_ROWS + " rows");
            assertFalse(job.getJobExecutionResult().isDone(), "the old query ended before its savepoint");
            LockSupport.parkNanos(10_000_000);
        }
        String savepoint = job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(120, TimeUnit.SECONDS);
        assertEquals(FIRST_ROWS, updates(TestValuesTableFactory.written(sinkId)));
        return savepoint;
    }

    private static String restoreFailure(String savepoint, String query) {
        TableEnvironment restoring = session(sinkId(), true, false);
        restoring.executeSql("SET 'execution.state-recovery.path' = '" + savepoint + "'");
        restoring.executeSql("SET 'restart-strategy.type' = 'none'"); // each restart would meet the same savepoint
        Exception failure = assertThrows(Exception.class, () -> finish(restoring.executeSql(query)));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /**
     * A session with the source {@code src(k, v)}: row i has k = i % 4, v = i; and
     * {@code out_table(k, cnt, total)}, with {@code extra} a fourth column, collecting into {@code sinkId}. With
     * {@code checkpoints} the job checkpoints every 50 ms.
     */
    private static TableEnvironment session(String sinkId, boolean checkpoints, boolean extraColumn) {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("SET 'parallelism.default' = '1'");
        if (checkpoints) {
            tableEnv.executeSql("SET 'execution.checkpointing.interval' = '50 ms'");
        }
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            data.append("+I[").append(i % 4).append(", ").append(i).append("];");
        }
        tableEnv.executeSql("CREATE TABLE src (k INT, v BIGINT) WITH ('connector' = 'values', "
                + "'rows-per-checkpoint' = '" + FIRST_ROWS + "', 'data' = '" + data + "')");
        String extra = extraColumn ? ", extra BIGINT" : "";
        tableEnv.executeSql("CREATE TABLE out_table (k INT, cnt BIGINT, total BIGINT" + extra + ") WITH ("
                + "'connector' = 'values', 'sink-id' = '" + sinkId + "', "
                + "'sink-changelog-mode-enforced' = 'I,UB,UA,D')");
        return tableEnv;
    }

    private static void finish(TableResult result) throws Exception {
        result.getJobClient().orElseThrow().getJobExecutionResult().get(240, TimeUnit.SECONDS);
    }

    private static String sinkId() {
        return "upgrade-" + RUNS.incrementAndGet();
    }

    private static long updates(List<Row> rows) {
        return rows.stream().filter(row -> row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER)
                .count();
    }

    /** The last row written per key (first column), without the key: the sink's final table. */
    private static Map<Integer, List<Object>> finalRows(List<Row> changes) {
        Map<Integer, List<Object>> table = new TreeMap<>();
        for (Row row : changes) {
            Integer key = (Integer) row.getField(0);
            if (row.getKind() == RowKind.DELETE) {
                table.remove(key);
            } else if (row.getKind() != RowKind.UPDATE_BEFORE) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i < row.getArity(); i++) {
                    values.add(row.getField(i));
                }
                table.put(key, values);
            }
        }
        return table;
    }
}
