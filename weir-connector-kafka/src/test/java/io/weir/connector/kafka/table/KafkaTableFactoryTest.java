package io.weir.connector.kafka.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.connector.kafka.KafkaBroker;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.testutils.MiniClusterExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SQL over the in-process Kafka broker: kafka and upsert-kafka tables with the json and debezium-json formats. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaTableFactoryTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static StreamTableEnvironment tables() {
        return StreamTableEnvironment.create(CLUSTER.createEnvironment(1));
    }

    private String kafka(String topic, String more) {
        return " WITH ('connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + KAFKA.bootstrapServers() + "', 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.bounded.mode' = 'latest-offset'" + more + ")";
    }

    private String upsertKafka(String topic) {
        return " WITH ('connector' = 'upsert-kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + KAFKA.bootstrapServers() + "', 'key.format' = 'json', 'value.format' = 'json',"
                + " 'scan.bounded.mode' = 'latest-offset')";
    }

    private static void produce(String topic, String... values) throws Exception {
        KAFKA.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String value : values) {
            records.add(new ProducerRecord<>(topic, 0, null, value));
        }
        KAFKA.produce(records);
    }

    /** Records with a header {@code name} whose value is each record's "name" field. */
    private static void produceWithHeaders(String topic, String header, String... values) throws Exception {
        KAFKA.createTopic(topic, 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String value : values) {
            String name = value.replaceAll(".*\"name\": \"([^\"]*)\".*", "$1");
            records.add(new ProducerRecord<>(topic, 0, null, null, value,
                    List.of(new RecordHeader(header, name.getBytes(StandardCharsets.UTF_8)))));
        }
        KAFKA.produce(records);
    }

    private static String change(String op, String before, String after) {
        return "{\"before\": " + before + ", \"after\": " + after + ", \"op\": \"" + op + "\", \"source\": {}}";
    }

    private static String order(int id, String customer, String amount) {
        return "{\"id\": " + id + ", \"customer\": \"" + customer + "\", \"amount\": " + amount + "}";
    }

    private static List<Row> collect(StreamTableEnvironment tables, String query) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tables.executeSql(query).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void metadataColumnsReadEachRecordsTopicPartitionOffsetTimestampAndHeaders() throws Exception {
        KAFKA.createTopic("meta", 1);
        KAFKA.produce(List.of(
                new ProducerRecord<>("meta", 0, 1_700_000_000_000L, null, order(1, "ann", "10"),
                        List.of(new RecordHeader("trace", "t-1".getBytes(StandardCharsets.UTF_8)))),
                new ProducerRecord<>("meta", 0, 1_700_000_001_000L, null, order(2, "bob", "20"))));
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE m (id INT, `topic` STRING METADATA VIRTUAL, customer STRING,"
                + " part INT METADATA FROM 'partition' VIRTUAL, `offset` BIGINT METADATA VIRTUAL,"
                + " ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', kind STRING METADATA FROM 'timestamp-type' VIRTUAL,"
                + " headers MAP<STRING, BYTES> METADATA VIRTUAL, epoch INT METADATA FROM 'leader-epoch' VIRTUAL)"
                + kafka("meta", ", 'format' = 'json'"));
        List<Row> rows = collect(tables, "SELECT id, `topic`, customer, part, `offset`, ts, kind, headers, epoch FROM m");
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(List.of(1, "meta", "ann", 0, 0L, java.time.Instant.ofEpochMilli(1_700_000_000_000L), "CreateTime"),
                List.of(rows.get(0).getField(0), rows.get(0).getField(1), rows.get(0).getField(2),
                        rows.get(0).getField(3), rows.get(0).getField(4), rows.get(0).getField(5), rows.get(0).getField(6)));
        assertEquals(List.of(2, 1L, java.time.Instant.ofEpochMilli(1_700_000_001_000L)),
                List.of(rows.get(1).getField(0), rows.get(1).getField(4), rows.get(1).getField(5)));
        Map<?, ?> headers = (Map<?, ?>) rows.get(0).getField(7);
        assertEquals(List.of("trace"), List.copyOf(headers.keySet()));
        assertEquals("t-1", new String((byte[]) headers.get("trace"), StandardCharsets.UTF_8));
        assertEquals(Map.of(), rows.get(1).getField(7));
        assertTrue(rows.get(0).getField(8) instanceof Integer epoch && epoch >= 0, "a leader epoch: " + rows.get(0));

        tables.executeSql("CREATE TABLE bad (id INT, k STRING METADATA FROM 'key')" + kafka("meta", ", 'format' = 'json'"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> collect(tables, "SELECT * FROM bad"));
        assertTrue(e.getMessage().contains("reads key 'key', which connector 'kafka' does not have; its readable keys "
                + "are [topic, partition, headers, leader-epoch, offset, timestamp, timestamp-type]"), e.getMessage());
    }

    @Test
    void anInsertWritesTheTimestampAndHeadersMetadataAndSkipsComputedAndVirtualColumns() throws Exception {
        KAFKA.createTopic("meta-out", 1);
        StreamTableEnvironment tables = tables();
        produceWithHeaders("meta-in", "trace", "{\"id\": 1, \"name\": \"ann\", \"ms\": 1700000000000}",
                "{\"id\": 2, \"name\": \"bob\", \"ms\": 1700000005000}");
        tables.executeSql("CREATE TABLE in_t (id INT, name STRING, ms BIGINT, headers MAP<STRING, BYTES> METADATA VIRTUAL)"
                + kafka("meta-in", ", 'format' = 'json'"));
        tables.executeSql("CREATE TABLE out_t (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', name STRING,"
                + " `offset` BIGINT METADATA VIRTUAL, headers MAP<STRING, BYTES> METADATA, label AS name || '!')"
                + kafka("meta-out", ", 'format' = 'json'"));
        tables.executeSql("INSERT INTO out_t SELECT id, TO_TIMESTAMP_LTZ(ms, 3), name, headers FROM in_t").await();
        tables.executeSql("INSERT INTO out_t (name, id) VALUES ('cy', 3)").await();

        List<ConsumerRecord<String, String>> records = KAFKA.readAll("meta-out");
        assertEquals(List.of("{\"id\":1,\"name\":\"ann\"}", "{\"id\":2,\"name\":\"bob\"}", "{\"id\":3,\"name\":\"cy\"}"),
                records.stream().map(ConsumerRecord::value).toList(), "physical columns only in the value");
        assertEquals(List.of(1_700_000_000_000L, 1_700_000_005_000L),
                records.subList(0, 2).stream().map(ConsumerRecord::timestamp).toList());
        assertTrue(records.get(2).timestamp() > 1_700_000_005_000L, "a null timestamp: the producer's time");
        assertEquals("ann", new String(records.get(0).headers().lastHeader("trace").value(), StandardCharsets.UTF_8));
        assertEquals(0, records.get(2).headers().toArray().length);

        List<Row> rows = collect(tables, "SELECT id, ts, label, `offset` FROM out_t");
        assertEquals(List.of(Row.of(1, java.time.Instant.ofEpochMilli(1_700_000_000_000L), "ann!", 0L),
                Row.of(2, java.time.Instant.ofEpochMilli(1_700_000_005_000L), "bob!", 1L)), rows.subList(0, 2));

        tables.executeSql("CREATE TABLE bad_out (id INT, part INT METADATA FROM 'partition')"
                + kafka("meta-out", ", 'format' = 'json'"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> tables.executeSql("INSERT INTO bad_out VALUES (1, 0)"));
        assertTrue(e.getMessage().contains("metadata column 'part' writes key 'partition', which connector 'kafka' cannot "
                + "write; its writable keys are [headers, timestamp]. Declare the column VIRTUAL if it is only read"),
                e.getMessage());
    }

    @Test
    void upsertKafkaWritesAndReadsMetadataAsTheKafkaConnector() throws Exception {
        KAFKA.createTopic("upsert-meta", 1);
        StreamTableEnvironment tables = tables();
        produceWithHeaders("upsert-meta-in", "v", "{\"id\": 1, \"name\": \"a\", \"ms\": 1000}",
                "{\"id\": 2, \"name\": \"b\", \"ms\": 2000}", "{\"id\": 1, \"name\": \"c\", \"ms\": 3000}");
        tables.executeSql("CREATE TABLE in_u (id INT, name STRING, ms BIGINT, headers MAP<STRING, BYTES> METADATA VIRTUAL)"
                + kafka("upsert-meta-in", ", 'format' = 'json'"));
        tables.executeSql("CREATE TABLE u (id INT, name STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',"
                + " headers MAP<STRING, BYTES> METADATA, `offset` BIGINT METADATA VIRTUAL,"
                + " PRIMARY KEY (id) NOT ENFORCED)" + upsertKafka("upsert-meta"));
        tables.executeSql("INSERT INTO u SELECT id, name, TO_TIMESTAMP_LTZ(ms, 3), headers FROM in_u").await();
        List<ConsumerRecord<String, String>> records = KAFKA.readAll("upsert-meta");
        assertEquals(List.of(1000L, 2000L, 3000L), records.stream().map(ConsumerRecord::timestamp).toList());
        assertEquals("c", new String(records.get(2).headers().lastHeader("v").value(), StandardCharsets.UTF_8));

        List<Row> changes = collect(tables, "SELECT id, name, ts, `offset`, headers['v'] FROM u");
        List<String> shown = new ArrayList<>();
        for (Row change : changes) {
            shown.add(change.getKind().shortString() + change.getField(0) + "," + change.getField(1) + ","
                    + ((java.time.Instant) change.getField(2)).toEpochMilli() + "," + change.getField(3) + ","
                    + new String((byte[]) change.getField(4), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("+I1,a,1000,0,a", "+I2,b,2000,1,b", "-U1,a,1000,0,a", "+U1,c,3000,2,c"), shown);
    }

    @Test
    void debeziumChangesIntoAnUpsertTopicKeepTheTableRight() throws Exception {
        produce("cdc-orders",
                change("r", "null", order(1, "ann", "10.00")),
                change("c", "null", order(2, "bo", "20.00")),
                change("u", order(1, "ann", "10.00"), order(1, "ann", "15.00")),
                change("d", order(2, "bo", "20.00"), "null"),
                change("c", "null", order(3, "cy", "30.00")),
                change("u", order(3, "cy", "30.00"), order(3, "cy", "35.50")));
        KAFKA.createTopic("orders-by-id", 1);
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE cdc_orders (id BIGINT, customer STRING, amount DECIMAL(10, 2))"
                + kafka("cdc-orders", ", 'format' = 'debezium-json'"));
        tables.executeSql("CREATE TABLE orders_by_id (id BIGINT, customer STRING, amount DECIMAL(10, 2),"
                + " PRIMARY KEY (id) NOT ENFORCED)" + upsertKafka("orders-by-id"));
        tables.executeSql("INSERT INTO orders_by_id SELECT id, customer, amount FROM cdc_orders").await();

        // the topic: keyed records, a tombstone for the deleted key
        Map<String, String> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : KAFKA.readAll("orders-by-id")) {
            latest.put(record.key(), record.value());
        }
        Map<String, String> expectedTopic = new LinkedHashMap<>();
        expectedTopic.put("{\"id\":1}", "{\"id\":1,\"customer\":\"ann\",\"amount\":15.00}");
        expectedTopic.put("{\"id\":2}", null);
        expectedTopic.put("{\"id\":3}", "{\"id\":3,\"customer\":\"cy\",\"amount\":35.50}");
        assertEquals(expectedTopic, latest);

        // read back as a changelog: applying it gives the source table's final state
        List<Row> changes = collect(tables, "SELECT id, customer, amount FROM orders_by_id");
        Map<Long, Row> table = new TreeMap<>();
        for (Row change : changes) {
            Row fields = Row.copy(change);
            fields.setKind(RowKind.INSERT);
            switch (change.getKind()) {
                case INSERT, UPDATE_AFTER -> table.put((Long) change.getField(0), fields);
                case UPDATE_BEFORE, DELETE -> assertEquals(fields, table.remove((Long) change.getField(0)),
                        "a retraction names the row it retracts: " + changes);
            }
        }
        assertEquals(Map.of(1L, Row.of(1L, "ann", new BigDecimal("15.00")), 3L, Row.of(3L, "cy", new BigDecimal("35.50"))),
                table);
        assertTrue(changes.stream().anyMatch(r -> r.getKind() == RowKind.UPDATE_BEFORE)
                && changes.stream().anyMatch(r -> r.getKind() == RowKind.DELETE), "a changelog: " + changes);
    }

    @Test
    void corruptRecordsAreDeadLetteredUnchangedAndTheGoodOnesAllArrive() throws Exception {
        produce("readings-in", "{\"sensor\": \"a\", \"value\": 1.5}", "not json", "{\"sensor\": \"b\", \"value\": \"x\"}",
                "{\"sensor\": \"c\", \"value\": 3}");
        KAFKA.createTopic("readings-out", 1);
        KAFKA.createTopic("readings-dead", 1);
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE readings (sensor STRING, `value` DOUBLE)" + kafka("readings-in",
                ", 'format' = 'json', 'scan.bad-record.policy' = 'dead-letter',"
                        + " 'scan.bad-record.dead-letter-topic' = 'readings-dead'"));
        tables.executeSql("CREATE TABLE out_readings (sensor STRING, `value` DOUBLE)"
                + kafka("readings-out", ", 'format' = 'csv'"));
        tables.executeSql("INSERT INTO out_readings SELECT sensor, `value` FROM readings").await();

        assertEquals(List.of("a,1.5", "c,3.0"), KAFKA.readAll("readings-out").stream().map(ConsumerRecord::value).toList());
        List<ConsumerRecord<String, String>> dead = KAFKA.readAll("readings-dead");
        assertEquals(List.of("not json", "{\"sensor\": \"b\", \"value\": \"x\"}"),
                dead.stream().map(ConsumerRecord::value).toList());
        String error = new String(dead.get(1).headers().lastHeader("weir.error").value(), StandardCharsets.UTF_8);
        assertTrue(error.contains("column 'value'") && error.contains("'x' is not a DOUBLE"), error);
        assertEquals("2", new String(dead.get(1).headers().lastHeader("weir.source.offset").value(), StandardCharsets.UTF_8));
    }

    @Test
    void corruptRecordsAreSkippedOrFailTheJobNamingWhere() throws Exception {
        produce("policy-in", "{\"n\": 1}", "{\"n\": oops}", "{\"n\": 3}");
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE skipping (n INT)" + kafka("policy-in",
                ", 'format' = 'json', 'scan.bad-record.policy' = 'skip'"));
        assertEquals(List.of(Row.of(1), Row.of(3)), collect(tables, "SELECT n FROM skipping"));

        tables.executeSql("CREATE TABLE failing (n INT)" + kafka("policy-in", ", 'format' = 'json'"));
        Exception failure = assertThrows(Exception.class, () -> collect(tables, "SELECT n FROM failing"));
        String messages = messages(failure);
        assertTrue(messages.contains("topic 'policy-in', partition 0, offset 1") && messages.contains("not valid JSON")
                && messages.contains("'scan.bad-record.policy'"), messages);
    }

    @Test
    void badDefinitionsNameTheTableAndTheOption() {
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE no_servers (n INT) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json')");
        ValidationException servers = assertThrows(ValidationException.class,
                () -> collect(tables, "SELECT n FROM no_servers"));
        assertTrue(servers.getMessage().contains("'properties.bootstrap.servers' option is missing"), servers.getMessage());
        tables.executeSql("CREATE TABLE no_key (n INT)" + upsertKafka("t"));
        ValidationException key = assertThrows(ValidationException.class, () -> collect(tables, "SELECT n FROM no_key"));
        assertTrue(key.getMessage().contains("needs a PRIMARY KEY"), key.getMessage());
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
