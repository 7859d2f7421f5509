package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.catalog.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time attributes a view's or a query's schema marks, as Flink prints them
 * ({@code TIMESTAMP(3) *ROWTIME*}, {@code TIMESTAMP_LTZ(3) *PROCTIME*}): through projections,
 * filters and UNION ALL, legacy windows' _ROWTIME/_PROCTIME, and a window table function's
 * {@code window_time} (also after a window aggregate grouping by it), while the descriptor's column,
 * regular aggregates' keys and joined columns are plain timestamps.
 */
class ResultTimeAttributesTest {

    private SqlSession session;

    @BeforeEach
    void createTables() {
        session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        session.executeSql("CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), pt AS PROCTIME(), "
                + "WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1')");
    }

    @Test
    void windowTimeOfAWindowTableFunctionIsTheDescriptorsKindOfTime() {
        session.executeSql("CREATE VIEW rowtime_rows AS SELECT item, ts, window_start, window_end, window_time "
                + "FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE))");
        assertEquals(List.of("item STRING", "ts TIMESTAMP(3)", "window_start TIMESTAMP(3) NOT NULL",
                "window_end TIMESTAMP(3) NOT NULL", "window_time TIMESTAMP(3) *ROWTIME* NOT NULL"),
                describeTypes("rowtime_rows"));
        session.executeSql("CREATE VIEW proctime_agg AS SELECT window_start, window_time, COUNT(*) AS n "
                + "FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(pt), INTERVAL '1' MINUTE)) "
                + "GROUP BY window_start, window_end, window_time");
        assertEquals(List.of("window_start TIMESTAMP(3) NOT NULL", "window_time TIMESTAMP_LTZ(3) *PROCTIME* NOT NULL",
                "n BIGINT NOT NULL"), describeTypes("proctime_agg"));
    }

    @Test
    void aLegacyWindowsProctimeIsAProcessingTimeAttribute() {
        session.executeSql("CREATE VIEW proctime_windows AS SELECT TUMBLE_START(pt, INTERVAL '10' MINUTE) AS s, "
                + "TUMBLE_PROCTIME(pt, INTERVAL '10' MINUTE) AS p, item, MAX(price) AS max_price "
                + "FROM bids GROUP BY TUMBLE(pt, INTERVAL '10' MINUTE), item");
        assertEquals(List.of("s TIMESTAMP(3) NOT NULL", "p TIMESTAMP_LTZ(3) *PROCTIME* NOT NULL", "item STRING",
                "max_price INT"), describeTypes("proctime_windows"));
    }

    @Test
    void aggregatesAndJoinsGivePlainTimestamps() {
        session.executeSql("CREATE VIEW by_time AS SELECT ts, COUNT(*) AS n FROM bids GROUP BY ts");
        assertEquals(List.of("ts TIMESTAMP(3)", "n BIGINT NOT NULL"), describeTypes("by_time"));
        session.executeSql("CREATE VIEW joined AS SELECT a.ts, b.pt FROM bids AS a JOIN bids AS b ON a.item = b.item");
        assertEquals(List.of("ts TIMESTAMP(3)", "pt TIMESTAMP_LTZ(3) NOT NULL"), describeTypes("joined"));
        session.executeSql("CREATE VIEW unioned AS SELECT ts, pt FROM bids UNION ALL SELECT ts, pt FROM bids WHERE price > 1");
        assertEquals(List.of("ts TIMESTAMP(3) *ROWTIME*", "pt TIMESTAMP_LTZ(3) *PROCTIME* NOT NULL"),
                describeTypes("unioned"));
    }

    @Test
    void aQueryResultsSchemaMarksItsTimeAttributes() {
        List<String> columns = new ArrayList<>();
        for (Column column : session.sqlQuery("SELECT item, TUMBLE_ROWTIME(ts, INTERVAL '1' MINUTE) AS rt, COUNT(*) AS n "
                + "FROM bids GROUP BY item, TUMBLE(ts, INTERVAL '1' MINUTE)").getResolvedSchema().columns()) {
            columns.add(column.name() + " " + column.type());
        }
        assertEquals(List.of("item STRING", "rt TIMESTAMP(3) *ROWTIME*", "n BIGINT NOT NULL"), columns);
    }

    /** DESCRIBE {@code view}: one "name type" entry per column, "NOT NULL" added where its null column says FALSE. */
    private List<String> describeTypes(String view) {
        List<String> columns = new ArrayList<>();
        try (CloseableIterator<Row> rows = session.executeSql("DESCRIBE " + view).collect()) {
            rows.forEachRemaining(row -> columns.add(row.getField(0) + " " + row.getField(1)
                    + (Boolean.FALSE.equals(row.getField(2)) || "FALSE".equals(String.valueOf(row.getField(2)))
                            ? " NOT NULL" : "")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }
}
