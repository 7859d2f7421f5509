package io.weir.connector.jdbc.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.connector.jdbc.EmbeddedPostgres;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code 'connector' = 'jdbc'} tables in SQL, read and written against a real PostgreSQL. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcTableFactoryTest {
    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private final TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

    private String with(String table, String... more) {
        StringBuilder options = new StringBuilder("'connector' = 'jdbc', 'url' = '" + POSTGRES.connectionOptions().getDbURL()
                + "', 'username' = 'postgres', 'table-name' = '" + table + "'");
        for (String option : more) {
            options.append(", ").append(option);
        }
        return " WITH (" + options + ")";
    }

    @Test
    void insertsASelectFromAPartitionedScanIntoAnotherTable() throws Exception {
        POSTGRES.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, amount NUMERIC(10, 2), customer TEXT, placed TIMESTAMP)",
                "INSERT INTO orders SELECT i, i * 1.5, 'c' || (i % 3), TIMESTAMP '2026-01-01 00:00:00' + i * INTERVAL '1 minute' "
                        + "FROM generate_series(1, 500) AS i",
                "CREATE TABLE big_orders (id BIGINT, amount NUMERIC(10, 2), customer TEXT, placed TIMESTAMP)");
        tableEnv.executeSql("CREATE TABLE orders (id BIGINT, amount DECIMAL(10, 2), customer STRING, placed TIMESTAMP(3), "
                + "PRIMARY KEY (id) NOT ENFORCED)" + with("orders", "'scan.partition.column' = 'id'",
                "'scan.partition.num' = '4'", "'scan.partition.lower-bound' = '1'", "'scan.partition.upper-bound' = '500'"));
        tableEnv.executeSql("CREATE TABLE big_orders (id BIGINT, amount DECIMAL(10, 2), customer STRING, placed TIMESTAMP(3))"
                + with("big_orders", "'sink.buffer-flush.max-rows' = '50'"));

        tableEnv.executeSql("INSERT INTO big_orders SELECT id, amount, customer, placed FROM orders WHERE amount >= 600").await();

        assertEquals(List.of("101|500|600"), POSTGRES.rows("SELECT count(*), max(id), min(amount)::int FROM big_orders"));
        assertEquals(POSTGRES.rows("SELECT * FROM orders WHERE id >= 400 ORDER BY id"),
                POSTGRES.rows("SELECT * FROM big_orders ORDER BY id"));
    }

    @Test
    void selectReadsTheRowsWithTheirSqlTypes() throws Exception {
        POSTGRES.execute("CREATE TABLE kinds (id INT PRIMARY KEY, flag BOOLEAN, ratio DOUBLE PRECISION, day DATE)",
                "INSERT INTO kinds VALUES (1, true, 0.5, DATE '2026-12-03'), (2, NULL, NULL, NULL)");
        tableEnv.executeSql("CREATE TABLE kinds (id INT, flag BOOLEAN, ratio DOUBLE, `day` DATE)" + with("kinds"));
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = tableEnv.executeSql("SELECT id, flag, ratio, `day` FROM kinds").collect()) {
            result.forEachRemaining(rows::add);
        }
        rows.sort((a, b) -> Integer.compare((Integer) a.getField(0), (Integer) b.getField(0)));
        assertEquals(List.of(Row.of(1, true, 0.5, java.time.LocalDate.of(2026, 12, 3)), Row.of(2, null, null, null)), rows);
    }

    @Test
    void missingAndUnknownOptionsSayWhatToDo() {
        tableEnv.executeSql("CREATE TABLE no_url (id INT) WITH ('connector' = 'jdbc', 'table-name' = 'x')");
        ValidationException noUrl = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("INSERT INTO no_url SELECT 1").await());
        assertTrue(noUrl.getMessage().contains("the 'url' option is missing"), noUrl.getMessage());

        tableEnv.executeSql("CREATE TABLE typo (id INT)" + with("x", "'sink.buffer-flush.max-row' = '5'"));
        ValidationException typo = assertThrows(ValidationException.class,
                () -> tableEnv.executeSql("INSERT INTO typo SELECT 1").await());
        assertTrue(typo.getMessage().contains("did you mean 'sink.buffer-flush.max-rows'"), typo.getMessage());
    }
}
