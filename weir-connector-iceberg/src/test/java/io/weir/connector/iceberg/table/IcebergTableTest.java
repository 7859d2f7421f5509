package io.weir.connector.iceberg.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL {@code iceberg} connector on a JdbcCatalog (a sqlite file, opened once for the class):
 * INSERT INTO creates the table from the DDL (types, primary key, PARTITIONED BY) and writes it; a
 * GROUP BY's changelog lands right in upsert mode; bad options fail naming the table and what to do.
 * Tables are read back with Iceberg's own reader.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IcebergTableTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @TempDir
    static Path dir;
    static Catalog catalog;

    @BeforeAll
    static void openCatalog() {
        JdbcCatalog jdbc = new JdbcCatalog();
        jdbc.setConf(new org.apache.hadoop.conf.Configuration());
        jdbc.initialize("weir", Map.of("uri", uri(), "warehouse", warehouse(), "jdbc.schema-version", "V1"));
        catalog = jdbc;
    }

    @AfterAll
    static void closeCatalog() throws Exception {
        ((AutoCloseable) catalog).close();
    }

    private static String uri() {
        return "jdbc:sqlite:" + dir.resolve("catalog.db");
    }

    private static String warehouse() {
        return dir.resolve("warehouse").toUri().toString();
    }

    private static String with(String extra) {
        return " WITH ('connector' = 'iceberg', 'catalog-type' = 'jdbc', 'catalog-name' = 'weir', 'uri' = '" + uri()
                + "', 'warehouse' = '" + warehouse() + "', 'catalog-database' = 'shop'" + extra + ")";
    }

    private static StreamTableEnvironment tables(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(50);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(config);
        return StreamTableEnvironment.create(env);
    }

    private static List<Record> readBack(String table) throws IOException {
        List<Record> records = new ArrayList<>();
        try (CloseableIterable<Record> read = IcebergGenerics.read(catalog.loadTable(TableIdentifier.of("shop", table)))
                .build()) {
            read.forEach(records::add);
        }
        return records;
    }

    @Test
    void insertCreatesAPartitionedTableFromTheDdlAndWritesIt() throws Exception {
        StreamTableEnvironment tables = tables(2);
        tables.executeSql("CREATE TEMPORARY VIEW orders (id, amount, dt) AS VALUES"
                + " (1, CAST(10.50 AS DECIMAL(10, 2)), DATE '2026-12-01'), (2, CAST(20.25 AS DECIMAL(10, 2)), DATE '2026-12-01'),"
                + " (3, CAST(30.00 AS DECIMAL(10, 2)), DATE '2026-12-02')");
        tables.executeSql("CREATE TABLE orders_lake (id INT, amount DECIMAL(10, 2), dt DATE) PARTITIONED BY (dt)"
                + with(""));
        tables.executeSql("INSERT INTO orders_lake SELECT id, amount, dt FROM orders").await();

        Table table = catalog.loadTable(TableIdentifier.of("shop", "orders_lake"));
        assertEquals(Types.DecimalType.of(10, 2), table.schema().findType("amount"));
        assertEquals(Types.DateType.get(), table.schema().findType("dt"));
        assertEquals("[1000: dt: identity(3)]", table.spec().fields().toString());
        Map<Integer, String> rows = new TreeMap<>();
        for (Record record : readBack("orders_lake")) {
            rows.put((Integer) record.getField("id"), record.getField("amount") + " " + record.getField("dt"));
        }
        assertEquals(Map.of(1, "10.50 2026-12-01", 2, "20.25 2026-12-01", 3, "30.00 2026-12-02"), rows);
        int files = 0;
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                files++;
                assertTrue(task.file().location().contains("/dt="), task.file().location());
            }
        }
        assertTrue(files >= 2, "one file per day at least");

        // and read back through SQL: a bounded scan of the current snapshot
        List<String> scanned = new ArrayList<>();
        try (CloseableIterator<Row> read = tables.executeSql("SELECT id, amount, dt FROM orders_lake").collect()) {
            read.forEachRemaining(row -> scanned.add(row.getField(0) + " " + row.getField(1) + " " + row.getField(2)));
        }
        assertEquals(List.of("1 10.50 2026-12-01", "2 20.25 2026-12-01", "3 30.00 2026-12-02"),
                scanned.stream().sorted().toList());
    }

    @Test
    void anUpsertTableTakesTheChangelogOfAGroupBy() throws Exception {
        StreamTableEnvironment tables = tables(2);
        tables.executeSql("CREATE TEMPORARY VIEW payments (customer, amount) AS VALUES"
                + " ('ann', 10), ('bob', 5), ('ann', 7), ('cy', 1), ('bob', 20), ('ann', 3)");
        tables.executeSql("CREATE TABLE totals (customer STRING, total INT, payments BIGINT,"
                + " PRIMARY KEY (customer) NOT ENFORCED)" + with(", 'write.upsert.enabled' = 'true'"));
        tables.executeSql("INSERT INTO totals SELECT customer, SUM(amount), COUNT(*) FROM payments GROUP BY customer")
                .await();

        Map<String, String> totals = new TreeMap<>();
        for (Record record : readBack("totals")) {
            assertEquals(null, totals.put((String) record.getField("customer"),
                    record.getField("total") + "/" + record.getField("payments")), "one row per customer");
        }
        assertEquals(Map.of("ann", "20/3", "bob", "25/2", "cy", "1/1"), totals);
        List<String> scanned = new ArrayList<>();
        try (CloseableIterator<Row> read = tables.executeSql("SELECT customer, total, payments FROM totals").collect()) {
            read.forEachRemaining(row -> scanned.add(row.getField(0) + " " + row.getField(1) + "/" + row.getField(2)));
        }
        assertEquals(List.of("ann 20/3", "bob 25/2", "cy 1/1"), scanned.stream().sorted().toList(),
                "the scan applies the equality and position deletes");
        assertEquals(List.of("customer"), new ArrayList<>(
                catalog.loadTable(TableIdentifier.of("shop", "totals")).schema().identifierFieldNames()));
    }

    @Test
    void aStreamingSelectReadsTheRowsOfEveryNewSnapshot() throws Exception {
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE events (id INT, name STRING)" + with(""));
        tables.executeSql("INSERT INTO events VALUES (1, 'a'), (2, 'b')").await();
        tables.executeSql("CREATE TABLE events_stream (id INT, name STRING)" + with(", 'catalog-table' = 'events',"
                + " 'streaming' = 'true', 'monitor-interval' = '50 ms'"));
        try (CloseableIterator<Row> read = tables.executeSql("SELECT id, name FROM events_stream").collect()) {
            assertEquals(List.of("1 a", "2 b"), next(read, 2), "the snapshot current at the start");
            tables.executeSql("INSERT INTO events VALUES (3, 'c')").await();
            tables.executeSql("INSERT INTO events VALUES (4, 'd'), (5, 'e')").await();
            assertEquals(List.of("3 c", "4 d", "5 e"), next(read, 3), "the snapshots committed since");
        }

        tables.executeSql("CREATE TABLE bad_interval (id INT, name STRING)" + with(", 'catalog-table' = 'events',"
                + " 'streaming' = 'true', 'monitor-interval' = 'soon'"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> tables.executeSql("SELECT * FROM bad_interval").collect().close());
        assertTrue(e.getMessage().contains("bad_interval") && e.getMessage().contains("'monitor-interval' = 'soon'"),
                e.getMessage());
    }

    private static List<String> next(CloseableIterator<Row> rows, int count) {
        List<String> read = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Row row = rows.next();
            read.add(row.getField(0) + " " + row.getField(1));
        }
        return read.stream().sorted().toList();
    }

    @Test
    void badOptionsFailNamingTheTableAndWhatToDo() {
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TEMPORARY VIEW single_row (id, name) AS VALUES (1, 'x')");

        tables.executeSql("CREATE TABLE no_warehouse (id INT, name STRING) WITH ('connector' = 'iceberg',"
                + " 'catalog-type' = 'hadoop')");
        assertMessage(tables, "INSERT INTO no_warehouse SELECT * FROM single_row", "no_warehouse", "'warehouse'");

        tables.executeSql("CREATE TABLE odd_catalog (id INT, name STRING) WITH ('connector' = 'iceberg',"
                + " 'catalog-type' = 'hive', 'warehouse' = '" + warehouse() + "')");
        assertMessage(tables, "INSERT INTO odd_catalog SELECT * FROM single_row", "odd_catalog",
                "unknown 'catalog-type' 'hive'; Weir knows 'hadoop' and 'jdbc'");

        Schema existing = new Schema(Types.NestedField.optional(1, "id", Types.IntegerType.get()),
                Types.NestedField.optional(2, "name", Types.DateType.get()));
        catalog.createTable(TableIdentifier.of("shop", "mismatch"), existing, PartitionSpec.unpartitioned());
        tables.executeSql("CREATE TABLE mismatch (id INT, name STRING)" + with(""));
        assertMessage(tables, "INSERT INTO mismatch SELECT * FROM single_row", "shop.mismatch",
                "column 'name' is date but the rows' field holds String");

        tables.executeSql("CREATE TABLE keyless (id INT, name STRING)" + with(", 'write.upsert.enabled' = 'true'"));
        assertMessage(tables, "INSERT INTO keyless SELECT * FROM single_row", "keyless", "needs a PRIMARY KEY");
    }

    private static void assertMessage(StreamTableEnvironment tables, String sql, String... parts) {
        ValidationException e = assertThrows(ValidationException.class, () -> tables.executeSql(sql).await());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }
}
