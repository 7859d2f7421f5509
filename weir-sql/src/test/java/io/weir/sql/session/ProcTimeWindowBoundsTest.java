package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A legacy processing-time window's {@code TUMBLE_START}/{@code TUMBLE_END} are TIMESTAMP(3) wall
 * times of the session time zone, as in Flink, and {@code TUMBLE_PROCTIME} an instant: in
 * Asia/Shanghai (UTC+8 all year) the bounds lie around the clock's wall time there, not 8 hours off.
 */
class ProcTimeWindowBoundsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void tumbleBoundsAreWallTimesOfTheSessionZone() {
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        session.getConfig().set("table.local-time-zone", SHANGHAI.getId());
        session.getConfig().set("parallelism.default", "1");
        session.executeSql("CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', "
                + "'rows-per-second' = '50', 'fields.u.length' = '1')");
        LocalDateTime before = LocalDateTime.now(SHANGHAI);
        Row row = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            TableResult result = session.executeSql("SELECT TUMBLE_START(pt, INTERVAL '0.2' SECOND) AS s, "
                    + "TUMBLE_END(pt, INTERVAL '0.2' SECOND) AS e, TUMBLE_PROCTIME(pt, INTERVAL '0.2' SECOND) AS p, "
                    + "COUNT(*) AS n FROM clicks GROUP BY TUMBLE(pt, INTERVAL '0.2' SECOND)");
            try (CloseableIterator<Row> rows = result.collect()) {
                return rows.next();
            }
        });
        LocalDateTime after = LocalDateTime.now(SHANGHAI);
        LocalDateTime start = assertInstanceOf(LocalDateTime.class, row.getField(0));
        LocalDateTime end = assertInstanceOf(LocalDateTime.class, row.getField(1));
        Instant proctime = assertInstanceOf(Instant.class, row.getField(2));
        assertEquals(Duration.ofMillis(200), Duration.between(start, end));
        assertEquals(0, start.getNano() % 200_000_000, "windows are aligned to 200 ms: " + start);
        // the window held a row processed between before and after, so it started at most 200 ms before
        assertTrue(!start.isBefore(before.minusNanos(200_000_000)) && !start.isAfter(after),
                () -> start + " is not a wall time in Shanghai between " + before + " and " + after);
        LocalDateTime fired = LocalDateTime.ofInstant(proctime, SHANGHAI);
        assertTrue(!fired.isBefore(before) && !fired.isAfter(after),
                () -> "TUMBLE_PROCTIME " + proctime + " is no instant between " + before + " and " + after);
    }
}
