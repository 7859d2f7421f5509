package io.weir.connector.jdbc.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.operators.StreamFlatMap;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.connector.jdbc.EmbeddedPostgres;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.connectors.FullLookupCache;
import io.weir.sql.connectors.LookupCache;
import io.weir.sql.connectors.LookupProvider;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.runtime.join.LookupJoinFunction;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import io.weir.testutils.OneInputStreamOperatorTestHarness;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lookup joins ({@code JOIN customers FOR SYSTEM_TIME AS OF o.pt}) against a real PostgreSQL: in
 * SQL end to end, and through the join's function one probe row at a time, with rows of the
 * database changed between lookups so that what the cache answers is visible.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcLookupJoinTest {
    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private final TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

    @BeforeEach
    void createCustomers() throws Exception {
        POSTGRES.execute("DROP TABLE IF EXISTS customers",
                "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, tier INT)",
                "INSERT INTO customers VALUES (1, 'ann', 1), (2, 'bob', 2), (3, 'cy', 1)");
    }

    private String customersTable(String... options) {
        StringBuilder with = new StringBuilder("'connector' = 'jdbc', 'url' = '" + POSTGRES.connectionOptions().getDbURL()
                + "', 'username' = 'postgres', 'table-name' = 'customers'");
        for (String option : options) {
            with.append(", ").append(option);
        }
        return "CREATE TABLE customers (id INT, name STRING, tier INT, PRIMARY KEY (id) NOT ENFORCED) WITH (" + with + ")";
    }

    private static final String ORDERS = "(SELECT oid, cid, PROCTIME() AS pt FROM (VALUES (10, 1), (11, 2), (12, 9), "
            + "(13, CAST(NULL AS INT)), (14, 3)) AS t(oid, cid))";

    @Test
    void innerLookupJoinEnrichesEachOrderWithItsCustomersRow() throws Exception {
        tableEnv.executeSql(customersTable());
        List<String> rows = collect("SELECT o.oid, c.name FROM " + ORDERS + " AS o "
                + "JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id WHERE c.tier = 1");
        assertEquals(List.of("+I[10, ann]", "+I[14, cy]"), rows);
    }

    @Test
    void leftLookupJoinPadsOrdersWithoutACustomer() throws Exception {
        tableEnv.executeSql(customersTable("'lookup.cache' = 'PARTIAL'", "'lookup.partial-cache.max-rows' = '100'"));
        List<String> rows = collect("SELECT o.oid, c.name FROM " + ORDERS + " AS o "
                + "LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id AND c.name <> 'bob'");
        assertEquals(List.of("+I[10, ann]", "+I[11, null]", "+I[12, null]", "+I[13, null]", "+I[14, cy]"), rows);
    }

    @Test
    void withoutACacheEveryLookupSeesTheTablesCurrentRow() throws Exception {
        try (var join = lookupJoin(Map.of())) {
            assertEquals(List.of(Row.of(100, 1, 1, "ann", 1)), join.probe(Row.of(100, 1)));
            POSTGRES.execute("UPDATE customers SET name = 'anna' WHERE id = 1", "INSERT INTO customers VALUES (4, 'dan', 3)");
            assertEquals(List.of(Row.of(101, 1, 1, "anna", 1)), join.probe(Row.of(101, 1)));
            assertEquals(List.of(Row.of(102, 4, 4, "dan", 3)), join.probe(Row.of(102, 4)));
        }
    }

    @Test
    void partialCacheAnswersACachedKeyWithTheRowsItLookedUp() throws Exception {
        try (var join = lookupJoin(Map.of("lookup.cache", "PARTIAL", "lookup.partial-cache.max-rows", "2",
                "lookup.partial-cache.expire-after-write", "1 h"))) {
            assertEquals(List.of(Row.of(100, 1, 1, "ann", 1)), join.probe(Row.of(100, 1)));
            assertEquals(List.of(), join.probe(Row.of(101, 4)));
            POSTGRES.execute("UPDATE customers SET name = 'anna' WHERE id = 1", "INSERT INTO customers VALUES (4, 'dan', 3)");
            // hits: the cached answers, including "no row" for key 4 (caching-missing-key is on by default)
            assertEquals(List.of(Row.of(102, 1, 1, "ann", 1)), join.probe(Row.of(102, 1)));
            assertEquals(List.of(), join.probe(Row.of(103, 4)));
            // a miss reads the table now and evicts the least recently used key (1) from the two-key cache ...
            assertEquals(List.of(Row.of(104, 2, 2, "bob", 2)), join.probe(Row.of(104, 2)));
            // ... so key 1 is read again (evicting 4), and then key 4 as well
            assertEquals(List.of(Row.of(105, 1, 1, "anna", 1)), join.probe(Row.of(105, 1)));
            assertEquals(List.of(Row.of(106, 4, 4, "dan", 3)), join.probe(Row.of(106, 4)));
        }
    }

    @Test
    void aLookupInAMissingTableFailsNamingIt() throws Exception {
        POSTGRES.execute("DROP TABLE customers");
        try (var join = lookupJoin(Map.of("lookup.max-retries", "1"))) {
            Exception e = assertThrows(Exception.class, () -> join.probe(Row.of(100, 1)));
            assertTrue(e.getMessage().contains("JDBC lookup in table default_catalog.default_database.customers for key"),
                    e.getMessage());
        }
    }

    @Test
    void unsupportedShapesSayWhatToChange() {
        tableEnv.executeSql(customersTable("'lookup.cache' = 'PARTIAL'"));
        ValidationException unbounded = assertThrows(ValidationException.class, () -> collect("SELECT o.oid FROM "
                + ORDERS + " AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id"));
        assertTrue(unbounded.getMessage().contains("sets 'lookup.cache' = 'PARTIAL' without a bound"),
                unbounded.getMessage());
        ValidationException noEquality = assertThrows(ValidationException.class, () -> collect("SELECT o.oid FROM "
                + ORDERS + " AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid > c.id"));
        assertTrue(noEquality.getMessage().contains("Temporal table join requires an equality condition on fields of "
                + "table [default_catalog.default_database.customers]"), noEquality.getMessage());
    }

    @Test
    void partialCacheCountsItsHitsAndMisses() throws Exception {
        try (var join = lookupJoin(Map.of("lookup.cache", "PARTIAL", "lookup.partial-cache.max-rows", "10",
                "lookup.partial-cache.cache-missing-key", "false"))) {
            join.probe(Row.of(100, 1));
            join.probe(Row.of(101, 1));
            join.probe(Row.of(102, 2));
            join.probe(Row.of(103, 9)); // no row, and missing keys are not cached ...
            join.probe(Row.of(104, 9)); // ... so it is looked up again
            join.probe(Row.of(105, 2));
            LookupCache cache = join.provider().cache();
            assertEquals(2, cache.hitCount());
            assertEquals(4, cache.missCount());
            assertEquals(2, cache.size());
        }
    }

    @Test
    void fullCacheAnswersFromItsCopyOfTheTableUntilTheReloadPicksUpChanges() throws Exception {
        ManualClock clock = new ManualClock();
        try (var join = lookupJoin(Map.of("lookup.cache", "FULL", "lookup.full-cache.periodic-reload.interval",
                "1 min"), clock)) {
            FullLookupCache cache = (FullLookupCache) join.provider().cache();
            assertEquals(1, cache.loadCount());
            assertEquals(3, cache.size());
            assertEquals(List.of(Row.of(100, 1, 1, "ann", 1)), join.probe(Row.of(100, 1)));
            assertEquals(List.of(), join.probe(Row.of(101, 4)));
            POSTGRES.execute("UPDATE customers SET name = 'anna' WHERE id = 1", "INSERT INTO customers VALUES (4, 'dan', 3)");
            clock.advance(59_000);
            // the copy read at open still answers: no query reaches the table
            assertEquals(List.of(Row.of(102, 1, 1, "ann", 1)), join.probe(Row.of(102, 1)));
            assertEquals(List.of(), join.probe(Row.of(103, 4)));
            assertEquals(1, cache.loadCount());
            clock.advance(1_000);
            // the interval has passed: the next lookup reloads the table and sees both changes
            assertEquals(List.of(Row.of(104, 1, 1, "anna", 1)), join.probe(Row.of(104, 1)));
            assertEquals(List.of(Row.of(105, 4, 4, "dan", 3)), join.probe(Row.of(105, 4)));
            assertEquals(2, cache.loadCount());
            assertEquals(4, cache.hitCount());
            assertEquals(2, cache.missCount());
        }
    }

    @Test
    void fullCacheJoinsInSqlAsTheUncachedJoinDoes() throws Exception {
        tableEnv.executeSql(customersTable("'lookup.cache' = 'FULL'"));
        List<String> rows = collect("SELECT o.oid, c.name FROM " + ORDERS + " AS o "
                + "LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id AND c.name <> 'bob'");
        assertEquals(List.of("+I[10, ann]", "+I[11, null]", "+I[12, null]", "+I[13, null]", "+I[14, cy]"), rows);
    }

    /** 60 orders whose customer ids cycle through 1, 2, 3 and 9 (none): many lookups in flight at once. */
    private static String manyOrders() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(new int[] {1, 2, 3, 9}[i % 4])
                    .append(")");
        }
        return "(SELECT oid, cid, PROCTIME() AS pt FROM (VALUES " + values + ") AS t(oid, cid))";
    }

    private List<String> expectedManyOrders() {
        List<String> expected = new ArrayList<>();
        String[] names = {"ann", "bob", "cy", null};
        for (int i = 0; i < 60; i++) {
            expected.add("+I[" + i + ", " + names[i % 4] + "]");
        }
        return expected;
    }

    @Test
    void asyncLookupJoinKeepsTheProbeOrderByDefault() throws Exception {
        tableEnv.executeSql(customersTable("'lookup.async' = 'true'"));
        tableEnv.getConfig().set("parallelism.default", "1");
        tableEnv.getConfig().set("table.exec.async-lookup.buffer-capacity", "8");
        List<String> rows = collectInOrder("SELECT o.oid, c.name FROM " + manyOrders() + " AS o "
                + "LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id");
        assertEquals(expectedManyOrders(), rows);
        assertTrue(tableEnv.explainSql("SELECT o.oid FROM " + ORDERS + " AS o JOIN customers FOR SYSTEM_TIME AS OF "
                + "o.pt AS c ON o.cid = c.id").contains("Correlate"));
    }

    @Test
    void asyncLookupJoinWithUnorderedOutputAndACacheGivesTheSameRows() throws Exception {
        tableEnv.executeSql(customersTable("'lookup.async' = 'true'", "'lookup.cache' = 'PARTIAL'",
                "'lookup.partial-cache.max-rows' = '2'"));
        tableEnv.getConfig().set("parallelism.default", "2");
        tableEnv.getConfig().set("table.exec.async-lookup.output-mode", "ALLOW_UNORDERED");
        List<String> rows = collect("SELECT o.oid, c.name FROM " + manyOrders() + " AS o "
                + "LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id");
        List<String> expected = expectedManyOrders();
        expected.sort(null);
        assertEquals(expected, rows);
    }

    @Test
    void badAsyncLookupOptionsAreRefused() {
        tableEnv.executeSql(customersTable("'lookup.async' = 'true'"));
        tableEnv.getConfig().set("table.exec.async-lookup.output-mode", "SOMETIMES");
        ValidationException mode = assertThrows(ValidationException.class, () -> collect("SELECT o.oid FROM "
                + ORDERS + " AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id"));
        assertTrue(mode.getMessage().contains("is ORDERED or ALLOW_UNORDERED, not 'SOMETIMES'"), mode.getMessage());
    }

    private List<String> collectInOrder(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = tableEnv.executeSql(query).collect()) {
            result.forEachRemaining(row -> rows.add(row.toString()));
        }
        return rows;
    }

    private List<String> collect(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = tableEnv.executeSql(query).collect()) {
            result.forEachRemaining(row -> rows.add(row.toString()));
        }
        rows.sort(null);
        return rows;
    }

    /** The join's function on {@code (oid INT, cid INT)} probe rows, looking {@code cid} up in customers. */
    private static ProbedLookupJoin lookupJoin(Map<String, String> lookupOptions) throws Exception {
        return lookupJoin(lookupOptions, null);
    }

    /** With {@code clock} (if not null) measuring a full cache's reload interval. */
    private static ProbedLookupJoin lookupJoin(Map<String, String> lookupOptions, Clock clock) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("connector", "jdbc",
                "url", POSTGRES.connectionOptions().getDbURL(), "username", "postgres", "table-name", "customers"));
        options.putAll(lookupOptions);
        LogicalType integer = LogicalType.of(LogicalTypeRoot.INTEGER);
        CatalogTable table = new CatalogTable(new TableSchema(List.of(Column.physical("id", integer),
                Column.physical("name", LogicalType.of(LogicalTypeRoot.VARCHAR, LogicalType.MAX_LENGTH, 0)),
                Column.physical("tier", integer)), null, List.of("id")), options, List.of(), null);
        RowTypeInfo rowType = new RowTypeInfo(new io.weir.api.types.TypeInformation<?>[] {BasicTypeInfo.INT_TYPE_INFO,
                BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.INT_TYPE_INFO}, new String[] {"id", "name", "tier"});
        TableFactory.Context context = new TableFactory.Context(
                new ObjectIdentifier("default_catalog", "default_database", "customers"), table, rowType, 1);
        LookupProvider provider = new JdbcTableFactory().createLookup(context, new int[] {0});
        if (clock != null) {
            provider = new LookupProvider(provider.function(), ((FullLookupCache) provider.cache()).withClock(clock), null);
        }
        LookupJoinFunction function = new LookupJoinFunction(LookupJoinFunction.Spec.onFields(false, new int[] {1}, 2, 3,
                provider));
        OneInputStreamOperatorTestHarness<Row, Row> harness = new OneInputStreamOperatorTestHarness<>(
                new StreamFlatMap<>(function));
        harness.open();
        return new ProbedLookupJoin(harness, provider);
    }

    /** Sends one probe row at a time and returns what the join emitted for it. */
    private record ProbedLookupJoin(OneInputStreamOperatorTestHarness<Row, Row> harness, LookupProvider provider)
            implements AutoCloseable {

        List<Row> probe(Row row) throws Exception {
            harness.getOutput().clear();
            harness.processElement(row, 0);
            return harness.extractOutputValues();
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private long millis = 1_700_000_000_000L;

        void advance(long byMillis) {
            millis += byMillis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
