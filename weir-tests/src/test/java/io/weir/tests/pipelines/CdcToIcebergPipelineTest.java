package io.weir.tests.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.connector.iceberg.CatalogLoader;
import io.weir.connector.kafka.KafkaBroker;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.TableResult;
import io.weir.testutils.MiniClusterExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lakehouse pipeline end to end: Debezium-JSON change events of an {@code orders} table on a
 * real in-process KRaft Kafka broker, read by Flink-dialect SQL (a {@code WATERMARK}, a
 * {@code DECIMAL(10, 2)}, {@code CAST(created_at AS DATE)}, primary keys {@code NOT ENFORCED}) into an
 * Iceberg table in upsert mode (equality deletes), with checkpointing on and a failure injected
 * mid-way: the table, read with Iceberg's own reader, equals the expected table after inserts,
 * updates and deletes, and every snapshot is one checkpoint's commit.
 *
 * <p>The job reads the topic up to a fixed offset (all events of both phases). The first phase's
 * events are on the topic when it starts; once the table shows them (a checkpoint committed them)
 * the failure is armed and the second phase is sent: its first row fails the job, which restarts
 * from its last checkpoint and goes on to the end.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CdcToIcebergPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @TempDir
    static Path dir;
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void debeziumChangesOnKafkaLandInAnIcebergUpsertTableThroughAFailure() throws Exception {
        List<String> phaseOne = List.of(
                change("c", null, order(1, "ann", "10.00", "2026-12-01 09:00:00")),
                change("c", null, order(2, "bo", "20.50", "2026-12-01 10:00:00")),
                change("c", null, order(3, "cy", "5.25", "2026-12-02 08:00:00")),
                change("u", order(1, "ann", "10.00", "2026-12-01 09:00:00"), order(1, "ann", "12.00", "2026-12-01 09:00:00")),
                change("c", null, order(4, "di", "7.00", "2026-12-02 11:00:00")),
                change("d", order(3, "cy", "5.25", "2026-12-02 08:00:00"), null));
        List<String> phaseTwo = List.of(
                change("u", order(2, "bo", "20.50", "2026-12-01 10:00:00"), order(2, "bo", "25.00", "2026-12-01 10:00:00")),
                change("c", null, order(5, "ed", "99.99", "2026-12-03 12:00:00")),
                change("d", order(1, "ann", "12.00", "2026-12-01 09:00:00"), null),
                change("c", null, order(3, "cy", "6.00", "2026-12-03 13:00:00")),
                change("u", order(4, "di", "7.00", "2026-12-02 11:00:00"), order(4, "di", "7.00", "2026-12-04 00:30:00")));
        KAFKA.createTopic("orders-cdc", 1);
        send("orders-cdc", phaseOne);
        FailingOnceIcebergTableFactory.reset();

        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(config);
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.executeSql("""
                CREATE TABLE orders_cdc (
                  order_id   BIGINT,
                  customer   STRING,
                  amount     DECIMAL(10, 2),
                  created_at TIMESTAMP(3),
                  WATERMARK FOR created_at AS created_at - INTERVAL '5' SECOND,
                  PRIMARY KEY (order_id) NOT ENFORCED
                ) WITH (
                  'connector' = 'kafka',
                  'topic' = 'orders-cdc',
                  'properties.bootstrap.servers' = '%s',
                  'properties.request.timeout.ms' = '4000',
                  'format' = 'debezium-json',
                  'scan.startup.mode' = 'earliest-offset',
                  'scan.bounded.mode' = 'specific-offsets',
                  'scan.bounded.specific-offsets' = 'partition:0,offset:%d'
                )""".formatted(KAFKA.bootstrapServers(), phaseOne.size() + phaseTwo.size()));
        String warehouse = dir.resolve("warehouse").toUri().toString();
        tables.executeSql("""
                CREATE TABLE orders_lake (
                  order_id   BIGINT,
                  customer   STRING,
                  amount     DECIMAL(10, 2),
                  order_date DATE,
                  PRIMARY KEY (order_id) NOT ENFORCED
                ) WITH (
                  'connector' = 'iceberg-failing-once',
                  'catalog-type' = 'hadoop',
                  'catalog-name' = 'lake',
                  'warehouse' = '%s',
                  'catalog-database' = 'shop',
                  'write.upsert.enabled' = 'true',
                  'format-version' = '2'
                )""".formatted(warehouse));
        TableResult job = tables.executeSql("""
                INSERT INTO orders_lake
                SELECT order_id, customer, amount, CAST(created_at AS DATE) FROM orders_cdc""");

        Catalog catalog = CatalogLoader.hadoop("lake", Map.of("warehouse", warehouse)).loadCatalog();
        TableIdentifier lake = TableIdentifier.of("shop", "orders_lake");
        Map<Long, String> afterPhaseOne = Map.of(
                1L, "ann 12.00 2026-12-01", 2L, "bo 20.50 2026-12-01", 4L, "di 7.00 2026-12-02");
        awaitTable(catalog, lake, afterPhaseOne);

        FailingOnceIcebergTableFactory.arm();
        send("orders-cdc", phaseTwo);
        job.await();

        assertEquals(1, FailingOnceIcebergTableFactory.FAILURES.get(), "the failure was injected");
        assertEquals(Map.of(2L, "bo 25.00 2026-12-01", 3L, "cy 6.00 2026-12-03", 4L, "di 7.00 2026-12-04",
                5L, "ed 99.99 2026-12-03"), read(catalog, lake));
        Set<String> checkpoints = new HashSet<>();
        for (Snapshot snapshot : catalog.loadTable(lake).snapshots()) {
            String checkpoint = snapshot.summary().get("weir.checkpoint-id");
            assertTrue(checkpoint != null && checkpoints.add(checkpoint), "one snapshot per checkpoint: " + snapshot.summary());
        }
        assertTrue(catalog.loadTable(lake).currentSnapshot().deleteManifests(catalog.loadTable(lake).io()).size() > 0,
                "updates and deletes are equality deletes");
        ((AutoCloseable) catalog).close();
    }

    /** Polls the table (it changes only when a checkpoint completes) until it shows {@code expected}. */
    private static void awaitTable(Catalog catalog, TableIdentifier id, Map<Long, String> expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<Long, String> seen = Map.of();
        while (System.nanoTime() < deadline) {
            if (catalog.tableExists(id) && catalog.loadTable(id).currentSnapshot() != null) {
                seen = read(catalog, id);
                if (seen.equals(expected)) {
                    return;
                }
            }
            Thread.sleep(20); // a poll interval; the condition, not the pause, is what the test waits for
        }
        throw new AssertionError("The Iceberg table did not show " + expected + " within " + WAIT + "; last seen " + seen);
    }

    /** The table read with Iceberg's generic reader, which applies the delete files: id → "customer amount date". */
    private static Map<Long, String> read(Catalog catalog, TableIdentifier id) throws Exception {
        Table table = catalog.loadTable(id);
        Map<Long, String> rows = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            for (Record r : records) {
                String row = r.getField("customer") + " " + ((BigDecimal) r.getField("amount")).toPlainString() + " "
                        + (LocalDate) r.getField("order_date");
                if (rows.put((Long) r.getField("order_id"), row) != null) {
                    duplicates.add(row);
                }
            }
        }
        assertEquals(List.of(), duplicates, "one row per key");
        return rows;
    }

    private static String change(String op, String before, String after) {
        return "{\"before\": " + before + ", \"after\": " + after + ", \"op\": \"" + op + "\", \"source\": {}}";
    }

    private static String order(long id, String customer, String amount, String createdAt) {
        return "{\"order_id\": " + id + ", \"customer\": \"" + customer + "\", \"amount\": " + amount
                + ", \"created_at\": \"" + createdAt + "\"}";
    }

    private static void send(String topic, List<String> values) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String value : values) {
            records.add(new ProducerRecord<>(topic, 0, null, value));
        }
        KAFKA.produce(records);
    }
}
