package io.weir.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.planner.QueryPlanner;
import io.weir.testutils.MiniClusterExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.rel.RelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The session time zone travels with the plan, not with the planning thread: a query planned on one
 * thread runs on another in the zone of its session, and a plan made without a zone is not turned
 * into code.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SessionTimeZoneTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    /** A zone whose offset at the epoch differs from the JVM's, so a fall-back to the JVM's zone shows. */
    private static ZoneId notTheJvmZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZoneId newYork = ZoneId.of("America/New_York");
        return shanghai.getRules().getOffset(Instant.EPOCH)
                .equals(ZoneId.systemDefault().getRules().getOffset(Instant.EPOCH)) ? newYork : shanghai;
    }

    @Test
    void aQueryPlannedOnOneThreadRunsOnAnotherInItsSessionsZone() throws Exception {
        ZoneId zone = notTheJvmZone();
        String wall = Instant.EPOCH.atZone(zone).toLocalDateTime().toString().replace('T', ' ') + ":00";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        tableEnv.getConfig().set(SessionTimeZone.OPTION, zone.getId());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            DataStream<Row> planned = threads.submit(() -> tableEnv.toDataStream(tableEnv.sqlQuery(
                    "SELECT CAST(TO_TIMESTAMP_LTZ(0, 3) AS STRING), HOUR(TO_TIMESTAMP_LTZ(0, 3)), "
                            + "DATE_FORMAT(TO_TIMESTAMP_LTZ(0, 3), 'yyyy-MM-dd HH:mm')")))
                    .get(60, TimeUnit.SECONDS);
            List<String> rows = threads.submit(() -> {
                List<String> result = new ArrayList<>();
                try (CloseableIterator<Row> iterator = planned.executeAndCollect()) {
                    iterator.forEachRemaining(row -> result.add(row.toString()));
                }
                return result;
            }).get(120, TimeUnit.SECONDS);
            int hour = Instant.EPOCH.atZone(zone).getHour();
            assertEquals(List.of("+I[" + wall + ", " + hour + ", " + wall.substring(0, 16) + "]"), rows);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void thePlanCarriesItsZoneToCodeGeneration() {
        SessionCatalogs catalogs = new SessionCatalogs();
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        RelNode plan = new QueryPlanner(catalogs, zone).toRel(SqlStatementParser.parse(
                "SELECT CAST(TO_TIMESTAMP_LTZ(0, 3) AS STRING)")).project();
        assertEquals(zone, SessionTimeZone.of(plan.getCluster()));
        RelNode typesOnly = new QueryPlanner(catalogs).toRel(SqlStatementParser.parse("SELECT 1")).project();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SessionTimeZone.of(typesOnly.getCluster()));
        assertTrue(e.getMessage().contains("QueryPlanner(catalogs, zone)"), e.getMessage());
    }
}
